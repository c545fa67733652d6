/**
 * Files written whole or not at all: {@link org.visionbook.toolkit.io.AtomicFiles}, used for every
 * file the course writes for a user (notebooks, pictures, checkpoints, kernelspecs, gradebooks).
 */
package org.visionbook.toolkit.io;
