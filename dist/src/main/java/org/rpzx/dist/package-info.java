/** The {@code rpzx} command: {@code serve} wires everything; control subcommands use the API. */
package org.rpzx.dist;
