#include "devices/card/sim/jpeg2000.h"

#include <openjpeg.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace madoguchi::card::sim {

namespace {

// The encoder writes, skips and seeks (the JP2 box lengths are filled in at the end).
struct MemoryOutput {
    Bytes bytes;
    std::size_t position = 0;
};

OPJ_SIZE_T writeTo(void* buffer, OPJ_SIZE_T size, void* user) {
    auto& out = *static_cast<MemoryOutput*>(user);
    if (out.bytes.size() < out.position + size) out.bytes.resize(out.position + size);
    std::memcpy(out.bytes.data() + out.position, buffer, size);
    out.position += size;
    return size;
}

OPJ_OFF_T skipIn(OPJ_OFF_T count, void* user) {
    auto& out = *static_cast<MemoryOutput*>(user);
    if (count < 0 && static_cast<std::size_t>(-count) > out.position) return -1;
    out.position = static_cast<std::size_t>(static_cast<OPJ_OFF_T>(out.position) + count);
    if (out.bytes.size() < out.position) out.bytes.resize(out.position);
    return count;
}

OPJ_BOOL seekTo(OPJ_OFF_T offset, void* user) {
    auto& out = *static_cast<MemoryOutput*>(user);
    if (offset < 0) return OPJ_FALSE;
    out.position = static_cast<std::size_t>(offset);
    if (out.bytes.size() < out.position) out.bytes.resize(out.position);
    return OPJ_TRUE;
}

struct ImageDeleter {
    void operator()(opj_image_t* image) const { opj_image_destroy(image); }
};
struct CodecDeleter {
    void operator()(opj_codec_t* codec) const { opj_destroy_codec(codec); }
};
struct StreamDeleter {
    void operator()(opj_stream_t* stream) const { opj_stream_destroy(stream); }
};

std::unique_ptr<opj_image_t, ImageDeleter> rgbImage(const std::vector<std::uint8_t>& rgb, int width, int height) {
    opj_image_cmptparm_t components[3];
    std::memset(components, 0, sizeof components);
    for (auto& component : components) {
        component.dx = component.dy = 1;
        component.w = static_cast<OPJ_UINT32>(width);
        component.h = static_cast<OPJ_UINT32>(height);
        component.prec = 8;
        component.sgnd = 0;
    }
    std::unique_ptr<opj_image_t, ImageDeleter> image(opj_image_create(3, components, OPJ_CLRSPC_SRGB));
    if (!image) throw std::runtime_error("OpenJPEG cannot create an image");
    image->x1 = static_cast<OPJ_UINT32>(width);
    image->y1 = static_cast<OPJ_UINT32>(height);
    const std::size_t count = static_cast<std::size_t>(width) * height;
    for (std::size_t i = 0; i < count; ++i)
        for (int c = 0; c < 3; ++c) image->comps[c].data[i] = rgb[i * 3 + c];
    return image;
}

}  // namespace

Bytes encodeJpeg2000(const std::vector<std::uint8_t>& rgb, int width, int height, float compressionRatio) {
    if (width <= 0 || height <= 0 || rgb.size() != static_cast<std::size_t>(width) * height * 3)
        throw std::invalid_argument("encodeJpeg2000: the pixels do not match the size");
    auto image = rgbImage(rgb, width, height);
    opj_cparameters_t parameters;
    opj_set_default_encoder_parameters(&parameters);
    parameters.tcp_numlayers = 1;
    parameters.tcp_rates[0] = compressionRatio > 1.0f ? compressionRatio : 0.0f;  // 0: lossless
    parameters.cp_disto_alloc = 1;
    parameters.tcp_mct = 1;  // RGB → YCbCr before the wavelet
    std::unique_ptr<opj_codec_t, CodecDeleter> codec(opj_create_compress(OPJ_CODEC_JP2));
    if (!codec || !opj_setup_encoder(codec.get(), &parameters, image.get()))
        throw std::runtime_error("OpenJPEG cannot set up the JPEG 2000 encoder");
    MemoryOutput out;
    std::unique_ptr<opj_stream_t, StreamDeleter> stream(opj_stream_default_create(OPJ_FALSE));
    opj_stream_set_user_data(stream.get(), &out, nullptr);
    opj_stream_set_write_function(stream.get(), writeTo);
    opj_stream_set_skip_function(stream.get(), skipIn);
    opj_stream_set_seek_function(stream.get(), seekTo);
    if (!opj_start_compress(codec.get(), image.get(), stream.get()) || !opj_encode(codec.get(), stream.get()) ||
        !opj_end_compress(codec.get(), stream.get()))
        throw std::runtime_error("OpenJPEG cannot encode the portrait");
    stream.reset();  // flushes what is buffered
    return std::move(out.bytes);
}

}  // namespace madoguchi::card::sim
