// Recording (viewer.hpp): PNG frames encoded on worker threads, or raw RGBA
// frames piped into the ffmpeg program.
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>

#include "geoevents/geo/atomic_file.hpp"
#include "geoevents/viewer/viewer.hpp"

namespace geoevents::viewer {
namespace {

std::int64_t frame_time_of(const Viewer& v, std::int64_t i, std::int64_t n) {
    return v.clock().enabled() ? frame_time(v.clock().begin(), v.clock().end(), i, n) : 0;
}

// A bounded queue of frames to encode: the drawing thread waits when the
// encoders are behind, so memory stays at a few frames.
class EncoderPool {
public:
    EncoderPool(std::string dir, unsigned threads) : m_dir(std::move(dir)) {
        for (unsigned i = 0; i < threads; ++i) m_threads.emplace_back([this] { work(); });
    }
    ~EncoderPool() { finish(); }

    void push(std::int64_t index, render::Raster frame) {
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] { return m_queue.size() < 2 * m_threads.size() || m_error; });
        if (m_error) std::rethrow_exception(m_error);
        m_queue.emplace_back(index, std::move(frame));
        m_ready.notify_one();
    }

    /// Waits for every frame; rethrows the first encoder error.
    void finish() {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_ready.notify_all();
        for (auto& t : m_threads)
            if (t.joinable()) t.join();
        if (m_error && !m_rethrown) {
            m_rethrown = true;
            std::rethrow_exception(m_error);
        }
    }

private:
    void work() {
        for (;;) {
            std::pair<std::int64_t, render::Raster> job;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [&] { return !m_queue.empty() || m_done; });
                if (m_queue.empty()) return;
                job = std::move(m_queue.front());
                m_queue.pop_front();
            }
            m_room.notify_one();
            try {
                char name[32];
                std::snprintf(name, sizeof name, "frame_%06lld.png", static_cast<long long>(job.first));
                geo::write_file_atomically(std::filesystem::path(m_dir) / name, render::encode_png(job.second));
            } catch (...) {
                std::lock_guard lock(m_mutex);
                if (!m_error) m_error = std::current_exception();
                m_room.notify_all();
            }
        }
    }

    std::string m_dir;
    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_room;
    std::deque<std::pair<std::int64_t, render::Raster>> m_queue;
    std::exception_ptr m_error;
    bool m_done = false, m_rethrown = false;
};

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// SIGPIPE ignored while writing to ffmpeg, so that its early death is an
// error status here rather than the end of the process.
class IgnoreSigpipe {
public:
    IgnoreSigpipe() { m_old = std::signal(SIGPIPE, SIG_IGN); }
    ~IgnoreSigpipe() { std::signal(SIGPIPE, m_old); }
    IgnoreSigpipe(const IgnoreSigpipe&) = delete;
    IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

private:
    void (*m_old)(int);
};

} // namespace

std::int64_t frame_count(const RecordOptions& o) {
    return std::max<std::int64_t>(1, std::llround(o.duration * o.fps));
}

void record_frames(Viewer& viewer, const std::string& dir, const RecordOptions& options,
                   const std::function<void(std::int64_t, std::int64_t)>& progress) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw IoError(dir + ": cannot create the frame directory: " + ec.message());
    const std::int64_t n = frame_count(options);
    // The drawing thread renders; the other cores encode.
    EncoderPool pool(dir, std::max(1u, std::thread::hardware_concurrency()));
    for (std::int64_t i = 0; i < n; ++i) {
        pool.push(i, viewer.render_frame(frame_time_of(viewer, i, n)));
        if (progress) progress(i + 1, n);
    }
    pool.finish();
}

void record_video(Viewer& viewer, const std::string& path, const RecordOptions& options,
                  const std::function<void(std::int64_t, std::int64_t)>& progress) {
    const std::int64_t n = frame_count(options);
    const std::string tmp = path + ".part";
    // Probe one frame first: its size is the video's.
    render::Raster frame = viewer.render_frame(frame_time_of(viewer, 0, n));
    const std::string cmd = "ffmpeg -hide_banner -loglevel error -nostdin -y -f rawvideo -pix_fmt rgba -s " +
                            std::to_string(frame.width) + "x" + std::to_string(frame.height) + " -framerate " +
                            std::to_string(options.fps) + " -i - -frames:v " + std::to_string(n) +
                            " -c:v libx264 -pix_fmt yuv420p -movflags +faststart -f mp4 " + shell_quote(tmp);
    IgnoreSigpipe guard;
    FILE* pipe = ::popen(cmd.c_str(), "w");
    if (pipe == nullptr) throw IoError(path + ": cannot run ffmpeg (" + std::strerror(errno) + "); install it: bash scripts/setup.sh");
    bool wrote = true;
    for (std::int64_t i = 0; i < n && wrote; ++i) {
        if (i > 0) frame = viewer.render_frame(frame_time_of(viewer, i, n));
        wrote = std::fwrite(frame.rgba.data(), 1, frame.rgba.size(), pipe) == frame.rgba.size();
        if (progress) progress(i + 1, n);
    }
    const int status = ::pclose(pipe);
    if (!wrote || status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::filesystem::remove(tmp);
        const int code = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        throw IoError(path + ": ffmpeg failed (exit status " + std::to_string(code) + (code == 127 ? ": ffmpeg is not installed, run bash scripts/setup.sh" : "") + ")");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw IoError(path + ": cannot write the video: " + ec.message());
}

} // namespace geoevents::viewer
