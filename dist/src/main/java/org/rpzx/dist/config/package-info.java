/** The one YAML configuration file, its defaults and its validation. */
package org.rpzx.dist.config;
