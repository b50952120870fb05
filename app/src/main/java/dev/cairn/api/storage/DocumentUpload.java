package dev.cairn.api.storage;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What a client announces before uploading a private document: its name, type and exact size. */
@Serdeable
public record DocumentUpload(
        @NotBlank @Size(max = 255) String fileName,
        @NotBlank @Size(max = 100) String fileType,
        @Positive long fileSize) {}
