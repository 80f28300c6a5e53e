package io.vocengine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The CLI's shared Jackson mapper (thread-safe once configured). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
