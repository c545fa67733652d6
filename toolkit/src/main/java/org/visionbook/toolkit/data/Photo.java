package org.visionbook.toolkit.data;

/**
 * The natural photos shipped in {@code datasets/photos/} for the convolution chapter, all
 * public domain or CC0, from scikit-image's sample data (see {@code datasets/README.md}).
 * Load them with {@link Photos}.
 */
public enum Photo {
    ASTRONAUT("astronaut.png", "astronaut Eileen Collins, 256x256, colour", "public domain (NASA)"),
    CAMERA("camera.png", "a man with a camera on a tripod, 256x256, grey", "CC0 (photographer Lav Varshney)"),
    CHELSEA("chelsea.png", "Chelsea the cat, 225x150, colour", "CC0 (photographer Stefan van der Walt)"),
    COFFEE("coffee.png", "a cup of coffee, 300x200, colour", "CC0 (photographer Rachel Michetti)"),
    BRICK("brick.png", "a brick wall, 256x256, grey", "CC0 (CC0Textures)");

    private final String fileName;
    private final String description;
    private final String licence;

    Photo(String fileName, String description, String licence) {
        this.fileName = fileName;
        this.description = description;
        this.licence = licence;
    }

    /** File name inside {@code datasets/photos/}. */
    public String fileName() {
        return fileName;
    }

    /** What the photo shows, its size and colour. */
    public String description() {
        return description;
    }

    /** Its licence and author. */
    public String licence() {
        return licence;
    }
}
