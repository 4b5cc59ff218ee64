package dev.portico.store.web;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ApiCaller;
import dev.portico.applications.Application;
import dev.portico.applications.ApplicationAccess;
import dev.portico.store.ImageUpload;
import dev.portico.store.StoreEntryImages;
import dev.portico.store.internal.ImagePolicy;
import dev.portico.system.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * An app's store entry images over REST (STO-1), for the app's managers; anyone else gets 404 as
 * for an app that does not exist. Files come as {@code multipart/form-data} parts named {@code
 * image}, the way extensions take their icon as a file part; they are appended after the entry's
 * images, which the entry body lists as {@code imageUrls}. A refused file (not PNG or JPEG by its
 * bytes, over 2 MiB, the 9th image) is a 422 on field {@code images} and nothing is stored.
 */
@RestController
@Tag(name = "Store entries", description = "An OAuth application's entry in the store")
class StoreEntryImagesRestController {

  static final String IMAGES = "/api/developer/applications/{appId}/store-entry/images";
  static final String PART = "image";

  private final ApplicationAccess access;
  private final StoreEntryImages images;

  StoreEntryImagesRestController(ApplicationAccess access, StoreEntryImages images) {
    this.access = access;
    this.images = images;
  }

  /** The multipart body, for the OpenAPI document. */
  @Schema(name = "StoreEntryImagesUpload")
  record Upload(
      @ArraySchema(
              minItems = 1,
              maxItems = ImagePolicy.MAX_IMAGES,
              schema =
                  @Schema(
                      type = "string",
                      format = "binary",
                      description = "A PNG or JPEG file of at most 2 MiB"))
          List<String> image) {}

  @PostMapping(path = IMAGES, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Add images to the app's store entry (managers)",
      description =
          "One or more file parts named `image`, appended after the entry's images in order."
              + " Each must be PNG or JPEG by its bytes (not its name or declared type), at most 2"
              + " MiB; an entry has at most 8. What is stored is the decoded image written again."
              + " Any refused file is a 422 on `images` and none is stored. The answer is the"
              + " entry, its images in `imageUrls`.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = Upload.class))))
  StoreEntryBody addImages(ApiCaller caller, @PathVariable UUID appId, HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    List<ImageUpload> uploads = uploads(request);
    return StoreEntryBody.of(images.add(Actors.of(caller, request), app, uploads));
  }

  @DeleteMapping(IMAGES)
  @Operation(summary = "Remove every image of the app's store entry (managers)")
  StoreEntryBody removeImages(
      ApiCaller caller, @PathVariable UUID appId, HttpServletRequest request) {
    Application app = access.requireManager(caller, appId);
    return StoreEntryBody.of(images.removeAll(Actors.of(caller, request), app));
  }

  /**
   * The {@code image} parts, each read to one byte over the limit (enough to refuse it). Parts are
   * parsed here ({@code spring.servlet.multipart.resolve-lazily}), so a part over the multipart
   * limits is a field error too, not a bare 413.
   */
  private static List<ImageUpload> uploads(HttpServletRequest request) {
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    List<MultipartFile> files;
    try {
      files = multipart == null ? List.of() : multipart.getFiles(PART);
    } catch (MaxUploadSizeExceededException e) {
      throw InvalidInput.of(
          "images", "each image must be at most 2 MiB, and at most 8 in one request");
    }
    if (files.isEmpty()) {
      throw InvalidInput.of("images", "give one or more files as parts named " + PART);
    }
    List<ImageUpload> uploads = new ArrayList<>();
    for (MultipartFile file : files) {
      try (InputStream in = file.getInputStream()) {
        uploads.add(ImageUpload.read(in, ImagePolicy.MAX_BYTES));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return uploads;
  }
}
