package io.vocengine.cli;

public final class VocCli {
    public static void main(String[] args) {
    }
}
