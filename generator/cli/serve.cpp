#include "cli/serve.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/watch.hpp"
#include "parallel/pool.hpp"
#include "site/preview.hpp"

namespace cp::cli {

namespace fs = std::filesystem;

namespace {

// The script added to every served HTML page (never to the built files). It asks the server
// for the build number, and the server answers when it differs from the one the page has (a
// long poll). After a rebuild, the page is fetched again and its body put in place of the old:
// no new request for the stylesheet, no scripts run again, the reader's scroll kept, 100 ms or
// more sooner than a reload in Chromium. A page with scripts of its own (<script>, <noscript>,
// other than this one), another stylesheet, a refresh, or that is gone or moved, is reloaded
// instead: what is shown is always what the new page's bytes make.
constexpr const char* kReloadScript = R"(<script id="commonplace-reload">(function(){
var v=null;
function own(d){return d.querySelectorAll('script:not(#commonplace-reload),noscript,meta[http-equiv]').length>0}
function sheets(d){return Array.prototype.map.call(d.querySelectorAll('link[rel~=stylesheet]'),function(l){return l.getAttribute('href')}).join(' ')}
function swap(){
return fetch(location.href,{cache:'no-store'}).then(function(r){
if(!r.ok||r.redirected)throw 0;return r.text()}).then(function(t){
var d=new DOMParser().parseFromString(t,'text/html');
if(own(document)||own(d)||sheets(document)!==sheets(d))throw 0;
var h=document.head,keep=h.querySelectorAll('link[rel~=stylesheet]');
Array.prototype.slice.call(h.children).forEach(function(e){if(!e.matches('link[rel~=stylesheet]'))h.removeChild(e)});
Array.prototype.slice.call(d.head.children).forEach(function(e){if(!e.matches('link[rel~=stylesheet]'))h.insertBefore(document.adoptNode(e),keep[0]||null)});
var a=d.documentElement.attributes;for(var i=0;i<a.length;i++)document.documentElement.setAttribute(a[i].name,a[i].value);
document.body.replaceWith(document.adoptNode(d.body));
}).catch(function(){location.reload()})}
function poll(){fetch('/__commonplace/version'+(v===null?'':'?since='+v)).then(function(r){return r.text()}).then(function(t){
if(v!==null&&t!==v){v=t;swap().then(poll);return}v=t;poll()}).catch(function(){setTimeout(poll,1000)})}
poll()})();</script>)";

// How long the server holds a version request that has nothing new to say.
constexpr auto kLongPoll = std::chrono::seconds(20);

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

// The build number, which the pages' script waits on: a rebuild, or the server's end, wakes it.
class BuildNumber {
public:
    void next() {
        {
            std::lock_guard lock(mutex_);
            ++number_;
        }
        changed_.notify_all();
    }
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
    }
    bool stopping() const {
        std::lock_guard lock(mutex_);
        return stopping_;
    }
    // The number now, once it differs from `since` (at most kLongPoll later); at once without one.
    std::string after(const std::optional<std::string>& since) {
        std::unique_lock lock(mutex_);
        if (since) changed_.wait_for(lock, kLongPoll, [&] { return stopping_ || std::to_string(number_) != *since; });
        return std::to_string(number_);
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    int number_ = 0;
    bool stopping_ = false;
};

// A file of the preview, its folder's page, or the 404 page; HTML pages get the reload script.
void serve_file(site::Preview& preview, const httplib::Request& req, httplib::Response& res) {
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
        body = preview.not_found_page();
        if (!body) return;
    }
    if (fs::path(path).extension() == ".html") {
        auto pos = body->rfind("</body>");
        body->insert(pos == std::string::npos ? body->size() : pos, kReloadScript);
    }
    res.set_content(*body, content_type(path).c_str());
}

// Rebuilds the preview after each save until the server stops (or --stop-after stops it).
void rebuild_on_change(const ServeOptions& options, site::Preview& preview, SourceWatcher& changes, BuildNumber& number,
                       httplib::Server& server, std::ostream& out, std::ostream& err) {
    using Clock = std::chrono::steady_clock;
    auto started = Clock::now();
    if (!changes.immediate()) out << "(saves are seen by comparing the files twice a second)\n" << std::flush;
    while (!number.stopping()) {
        bool changed = changes.wait_for_change(std::chrono::milliseconds(250));
        if (options.max_seconds > 0 && Clock::now() - started > std::chrono::seconds(options.max_seconds)) {
            number.stop();
            server.stop();
            return;
        }
        if (!changed) {
            // Quiet for a while: the browser has its new page by now, and the site the last
            // rebuild replaced is freed (40 ms of a core at 10,000 notes, which the reload no
            // longer waits behind).
            preview.let_go_of_previous();
            continue;
        }
        out << "Change seen; rebuilding...\n" << std::flush;
        auto began = Clock::now();
        if (!preview.rebuild(err, changes.take_changes())) continue;
        number.next();
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - began).count();
        out << "Rebuilt in " << ms << " ms.\n" << std::flush;
    }
}

}  // namespace

int serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
    site::BuildOptions build = options.build;
    build.quiet = true;
    site::Preview preview(build);
    // Watching before the first build: a save while it reads is seen, and read by the next.
    SourceWatcher changes(options.build.source);
    BuildNumber number;
    if (preview.rebuild(err))
        number.next();
    else
        err << "commonplace serve: the first build failed; fix the problems above and save again\n";

    httplib::Server server;
    // A browser keeps up to six connections open to a host, each holding one of the server's
    // threads until it closes, and each open page holds one more in its long poll: with
    // httplib's default of eight threads, the reload after a rebuild queued behind them.
    server.new_task_queue = [] { return new httplib::ThreadPool(32); };
    // Each answer is sent in pieces (its headers, then its body): with Nagle's algorithm, the
    // last piece waited for the browser's delayed acknowledgement, 40 ms or more for every file
    // of a reload (the page, then its stylesheet).
    server.set_tcp_nodelay(true);
    server.Get("/__commonplace/version", [&](const httplib::Request& req, httplib::Response& res) {
        std::optional<std::string> since;
        if (req.has_param("since")) since = req.get_param_value("since");
        res.set_content(number.after(since), "text/plain");
    });
    server.Get(R"(/.*)", [&](const httplib::Request& req, httplib::Response& res) { serve_file(preview, req, res); });
    if (!server.bind_to_port("127.0.0.1", options.port)) {
        err << "commonplace serve: cannot listen on 127.0.0.1:" << options.port << "\n";
        return site::kExitUsage;
    }
    out << "Serving " << build.source.string() << " at http://127.0.0.1:" << options.port << "/ (Ctrl-C to stop)\n"
        << std::flush;
    // Its own thread, beside the server's; the rebuilds run on the preview's pool (site::Preview).
    auto watcher =
        parallel::start_thread([&] { rebuild_on_change(options, preview, changes, number, server, out, err); });
    server.listen_after_bind();
    number.stop();
    watcher.get();
    return site::kExitOk;
}

}  // namespace cp::cli
