#include "cli/serve.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "parallel/pool.hpp"
#include "site/preview.hpp"

namespace cp::cli {

namespace fs = std::filesystem;

namespace {

// A fingerprint of the memory's files: paths, sizes and modification times. Cheap enough
// to take twice a second on a memory of thousands of files.
std::size_t fingerprint(const fs::path& root) {
    std::size_t h = 0;
    std::error_code ec;
    auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && (name[0] == '.' || name[0] == '_')) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        mix(std::hash<std::string>{}(it->path().string()));
        if (it->is_regular_file(ec)) {
            mix(static_cast<std::size_t>(it->file_size(ec)));
            mix(static_cast<std::size_t>(it->last_write_time(ec).time_since_epoch().count()));
        }
    }
    return h;
}

// The script added to every served HTML page (never to the built files): it asks the
// server for the build number and reloads when it changes.
constexpr const char* kReloadScript =
    "<script>(function(){var v=null;function poll(){fetch('/__commonplace/version').then(function(r){return r.text()})"
    ".then(function(t){if(v!==null&&t!==v){location.reload()}v=t}).catch(function(){}).finally(function(){setTimeout(poll,700)})}"
    "poll()})();</script>";

std::string content_type(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js") return "text/javascript; charset=utf-8";
    if (ext == ".json") return "application/json";
    if (ext == ".xml") return "application/xml";
    if (ext == ".ics") return "text/calendar; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".gif") return "image/gif";
    if (ext == ".webp") return "image/webp";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

}  // namespace

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
    site::BuildOptions build = options.build;
    build.quiet = true;
    site::Preview preview(build);
    std::atomic<int> version{0};
    if (preview.rebuild(err))
        ++version;
    else
        err << "commonplace serve: the first build failed; fix the problems above and save again\n";

    httplib::Server server;
    server.Get("/__commonplace/version", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(std::to_string(version.load()), "text/plain");
    });
    server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) {
        std::string path = req.path.substr(1);
        if (path.empty() || path.back() == '/') path += "index.html";
        auto body = preview.file(path);
        if (!body && preview.file(path + "/index.html")) {
            res.set_redirect(req.path + "/", 301);  // a folder's page, asked for without its slash
            return;
        }
        if (!body) {
            res.status = 404;
            path = "404.html";
            body = preview.file(path);
            if (!body) return;
        }
        if (fs::path(path).extension() == ".html") {
            auto pos = body->rfind("</body>");
            body->insert(pos == std::string::npos ? body->size() : pos, kReloadScript);
        }
        res.set_content(*body, content_type(path).c_str());
    });

    int port = server.bind_to_port("127.0.0.1", options.port) ? options.port : -1;
    if (port < 0) {
        err << "commonplace serve: cannot listen on 127.0.0.1:" << options.port << "\n";
        return site::kExitUsage;
    }
    out << "Serving " << build.source.string() << " at http://127.0.0.1:" << port << "/ (Ctrl-C to stop)\n"
        << std::flush;

    std::atomic<bool> stopping{false};
    // Its own thread, beside the server's; each rebuild makes its own pool (site::Preview).
    auto watcher = parallel::start_thread([&] {
        auto started = std::chrono::steady_clock::now();
        std::size_t seen = fingerprint(build.source);
        while (!stopping) {
            std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int>(options.poll_seconds * 1000)));
            if (options.max_seconds > 0 &&
                std::chrono::steady_clock::now() - started > std::chrono::seconds(options.max_seconds)) {
                server.stop();
                return;
            }
            std::size_t now = fingerprint(build.source);
            if (now == seen) continue;
            seen = now;
            out << "Change seen; rebuilding...\n" << std::flush;
            auto began = std::chrono::steady_clock::now();
            if (preview.rebuild(err)) {
                ++version;
                out << "Rebuilt in "
                    << std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - began)
                           .count()
                    << " ms.\n"
                    << std::flush;
            }
        }
    });
    server.listen_after_bind();
    stopping = true;
    watcher.get();
    return site::kExitOk;
}

}  // namespace cp::cli
