/**
 * How fast DL4J/ND4J trains on a CPU: native threads and oneDNN helpers, applied by
 * {@link org.visionbook.toolkit.perf.Performance#accelerate} before training. The measurements
 * behind every default are in {@code bench/README.md}.
 */
package org.visionbook.toolkit.perf;
