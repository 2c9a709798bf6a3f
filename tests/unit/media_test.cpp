// Recordings and pictures in whole builds: a link or image to a sound or video file becomes a
// player with a download link, captions (NAME.vtt) and a transcript (NAME.txt, NAME.md) found
// beside it; the transcript's words are searchable; a meeting with a recording is marked on the
// timeline; pictures carry their width, height and loading="lazy"; an image without alt text is
// a warning; and a public build carries nothing of a community page's recording.
#include <catch2/catch.hpp>

#include <algorithm>

#include "assets/media.hpp"
#include "audience/audit_facts.hpp"
#include "parallel/pool.hpp"
#include "picture_fixtures.hpp"
#include "site/pipeline.hpp"
#include "site_fixture.hpp"
#include "test_support.hpp"

using namespace cp::testing;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Every file of a built site as one text, names included.
std::string whole_site(const fs::path& site) {
    std::string text;
    for (const auto& [path, bytes] : read_tree(site)) text += path + "\n" + bytes + "\n";
    return text;
}

std::string search_files(const fs::path& site) {
    std::string text;
    for (const auto& e : fs::recursive_directory_iterator(site / "search"))
        if (e.is_regular_file()) text += read_file(e.path());
    return text;
}

const char* const kCaptions =
    "WEBVTT - the review meeting\n"
    "Kind: captions\n"
    "\n"
    "NOTE recorded on Ana's phone\n"
    "\n"
    "1\n"
    "00:00:00.000 --> 00:00:02.500\n"
    "<v Ana Okafor>Welcome to the <b>zebrafinch</b> review.\n"
    "\n"
    "00:00:02.500 --> 00:00:04.000 align:start\n"
    "We start with the night &amp; weekend handovers.\n";

// A memory with a meeting that plays a phone recording with captions beside it and a video with
// a text transcript under assets/, and a note that plays a recording with a Markdown transcript.
MemoryFiles media_memory() {
    return {
        {"commonplace.yaml", "title: Media memory\nbase_url: https://example.org/memory/\n"},
        {"meetings/2016-05-04-review.md",
         "---\ntitle: The May review\nvisibility: public\n---\n"
         "We recorded the review on a phone.\n\n"
         "![Recording of the May review](2016-05-04-review.m4a)\n\n"
         "The ward walk-round was filmed too: [the walk-round](../assets/video/walk-round.webm), with a transcript.\n"},
        {"meetings/2016-05-04-review.m4a", "not really sound, but the build only copies it"},
        {"meetings/2016-05-04-review.vtt", kCaptions},
        {"assets/video/walk-round.webm", "not really video"},
        {"assets/video/walk-round.txt",
         "The charge nurse shows the marmoset board.\n<script>alert(1)</script> & more\n\nA second paragraph.\n"},
        {"notes/huddle.md",
         "---\ntitle: Huddle\nvisibility: public\n---\nOur huddle, recorded:\n\n[Huddle](../_media/huddle.ogg)\n"},
        {"_media/huddle.ogg", "not really sound"},
        {"_media/huddle.md",
         "# Huddle transcript\n\n**Quetzalcoatl** said [see the note](other.md) and "
         "[the standard](https://example.org/sbar).\n\n<script>alert(2)</script>\n"},
    };
}

}  // namespace

TEST_CASE("WebVTT captions give their words: no header, timings, notes or markup", "[media]") {
    CHECK(cp::assets::captions_text(kCaptions) ==
          "Ana Okafor: Welcome to the zebrafinch review.\nWe start with the night & weekend handovers.");
    CHECK(cp::assets::captions_text("\xEF\xBB\xBFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHello\r\n\r\n"
                                    "00:02.000 --> 00:03.000\r\nHello\r\n\r\nSTYLE\r\n::cue { color: red }\r\n") ==
          "Hello");  // a repeated cue once; a STYLE block is no cue
    CHECK(cp::assets::captions_text("") == "");
    CHECK(cp::assets::captions_text("WEBVTT\n\nno timing here\njust words\n") == "");
    CHECK(cp::assets::media_type("a/b.M4A")->mime == "audio/mp4");
    CHECK(cp::assets::media_type("a/b.webm")->video);
    CHECK_FALSE(cp::assets::media_type("a/b.m4a.txt"));
}

TEST_CASE("a recording beside a meeting, and a video under assets/, play with captions and download links",
          "[media][site]") {
    TempMemory memory(media_memory());
    auto run = run_build(memory);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    std::string page = read_file(memory.output() / "meetings/2016-05-04-review/index.html");

    // The phone recording: alone in its paragraph, it becomes the player, with its captions.
    CHECK(has(page,
              "<audio controls preload=\"metadata\" src=\"../../meetings/2016-05-04-review.m4a\" "
              "aria-label=\"Recording of the May review\">"));
    CHECK(has(page,
              "<track kind=\"captions\" src=\"../../meetings/2016-05-04-review.vtt\" srclang=\"en\" "
              "label=\"Captions\" default>"));
    CHECK(has(page,
              "<a class=\"media-download\" href=\"../../meetings/2016-05-04-review.m4a\" download "
              "type=\"audio/mp4\">Download 2016-05-04-review.m4a</a>"));
    // The captions' words are its transcript (sound shows no captions of its own).
    CHECK(has(page, "<p>Ana Okafor: Welcome to the zebrafinch review.</p>"));
    CHECK(has(page, "<p>We start with the night &amp; weekend handovers.</p>"));
    CHECK_FALSE(has(page, "00:00:02.500"));
    CHECK_FALSE(has(page, "<img src=\"../../meetings/2016-05-04-review.m4a\""));  // a recording is no picture

    // The video, written among other words: the link stays, and the player follows the paragraph.
    CHECK(has(page,
              "<a href=\"../../assets/video/walk-round.webm\">the walk-round</a>, with a transcript.</p>\n"
              "<figure class=\"media media-video\">\n<video controls preload=\"metadata\" "
              "src=\"../../assets/video/walk-round.webm\" aria-label=\"the walk-round\">"));
    CHECK(has(page, "type=\"video/webm\">Download walk-round.webm</a>"));
    // Its transcript is text, escaped, kept in its paragraphs and lines.
    CHECK(has(page,
              "<p>The charge nurse shows the marmoset board.<br>\n&lt;script&gt;alert(1)&lt;/script&gt; "
              "&amp; more</p>\n<p>A second paragraph.</p>"));
    CHECK_FALSE(has(page, "<script>alert(1)"));

    // The files are copied, captions too; the transcript is shown, not linked.
    for (const char* file : {"meetings/2016-05-04-review.m4a", "meetings/2016-05-04-review.vtt",
                             "assets/video/walk-round.webm", "_media/huddle.ogg"})
        CHECK(fs::exists(memory.output() / file));
}

TEST_CASE("a Markdown transcript is rendered safely: raw HTML left out, relative links as text", "[media][site]") {
    TempMemory memory(media_memory());
    REQUIRE(run_build(memory).status == 0);
    std::string page = read_file(memory.output() / "notes/huddle/index.html");
    CHECK(has(page, "<audio controls preload=\"metadata\" src=\"../../_media/huddle.ogg\" aria-label=\"Huddle\">"));
    CHECK(has(page,
              "<strong>Quetzalcoatl</strong> said see the note and "
              "<a href=\"https://example.org/sbar\">the standard</a>."));
    CHECK_FALSE(has(page, "other.md"));
    CHECK_FALSE(has(page, "<script>alert(2)"));
}

TEST_CASE("a transcript's words, and the captions' cue text, are found by search", "[media][search][site]") {
    TempMemory memory(media_memory());
    REQUIRE(run_build(memory).status == 0);
    std::string index = search_files(memory.output());
    CHECK(has(index, "\"zebrafinch\":"));      // a cue of the .vtt beside the recording
    CHECK(has(index, "\"marmoset\":"));        // the .txt beside the video
    CHECK(has(index, "\"quetzalcoatl\":"));    // the .md beside the note's recording
    CHECK_FALSE(has(index, "\"00:00:02\":"));  // no timings
}

TEST_CASE("a meeting that plays a recording is marked on the timeline", "[media][site][timeline]") {
    TempMemory memory(media_memory());
    memory.write("meetings/2016-06-01-quiet.md", "---\ntitle: A quiet meeting\n---\nNothing recorded.\n");
    REQUIRE(run_build(memory).status == 0);
    std::string timeline = read_file(memory.output() / "timeline/index.html");
    auto item = [&](const std::string& url) {
        std::size_t at = timeline.find("data-entry=\"meeting:" + url + "\"");
        REQUIRE(at != std::string::npos);
        return timeline.substr(at, timeline.find("</li>", at) - at);
    };
    CHECK(has(item("/meetings/2016-05-04-review/"), "<span class=\"badge badge-recording\""));
    CHECK_FALSE(has(item("/meetings/2016-06-01-quiet/"), "badge-recording"));
}

TEST_CASE("pictures carry their width and height from the file, and load lazily", "[media][site][image_size]") {
    TempMemory memory({
        {"notes/pictures.md",
         "---\ntitle: Pictures\n---\n"
         "![a PNG](../assets/p.png) ![a GIF](../assets/g.gif) ![a JPEG](photos/j.jpg)\n\n"
         "![a lossy WebP](../assets/lossy.webp) ![a lossless WebP](../assets/lossless.webp) "
         "![an extended WebP](../assets/extended.webp)\n\n"
         "![not a picture at all](../assets/broken.png)\n\n"
         "| in a table |\n| --- |\n| ![a cell's PNG](../assets/p.png) |\n"},
        {"assets/p.png", pictures::kPng},
        {"assets/g.gif", pictures::kGif},
        {"notes/photos/j.jpg", pictures::kJpeg},
        {"assets/lossy.webp", pictures::kWebpLossy},
        {"assets/lossless.webp", pictures::kWebpLossless},
        {"assets/extended.webp", pictures::kWebpExtended},
        {"assets/broken.png", "this is text"},
    });
    auto run = run_build(memory);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    std::string page = read_file(memory.output() / "notes/pictures/index.html");
    CHECK(has(page, "<img src=\"../../assets/p.png\" alt=\"a PNG\" width=\"5\" height=\"4\" loading=\"lazy\" />"));
    CHECK(has(page, "<img src=\"../../assets/g.gif\" alt=\"a GIF\" width=\"3\" height=\"5\" loading=\"lazy\" />"));
    CHECK(
        has(page, "<img src=\"../../notes/photos/j.jpg\" alt=\"a JPEG\" width=\"4\" height=\"3\" loading=\"lazy\" />"));
    CHECK(has(page, "alt=\"a lossy WebP\" width=\"5\" height=\"3\" loading=\"lazy\" />"));
    CHECK(has(page, "alt=\"a lossless WebP\" width=\"6\" height=\"2\" loading=\"lazy\" />"));
    CHECK(has(page, "alt=\"an extended WebP\" width=\"7\" height=\"3\" loading=\"lazy\" />"));
    // A file whose header is no picture's gets no size, and still loads lazily.
    CHECK(has(page, "<img src=\"../../assets/broken.png\" alt=\"not a picture at all\" loading=\"lazy\" />"));
    // In a table cell (where cmark-gfm writes the image itself) it loads lazily too.
    CHECK(has(page, "<img loading=\"lazy\" src=\"../../assets/p.png\" alt=\"a cell's PNG\" />"));
    // Read from git too: the same sizes from the commit's blobs.
    CHECK(fs::exists(memory.output() / "notes/photos/j.jpg"));
}

TEST_CASE("an image without alt text is a warning at its file, line and column", "[media][check]") {
    TempMemory memory({
        {"notes/walls.md",
         "---\ntitle: Walls\n---\nThe board:\n\nLook here ![](../assets/board.png) and here "
         "![  ](https://example.org/x.png).\n\n![described](../assets/board.png)\n\n"
         "A recording needs none: ![](../assets/talk.mp3)\n"},
        {"assets/board.png", pictures::kPng},
        {"assets/talk.mp3", "sound"},
    });
    auto run = run_check(memory);
    INFO(run.messages);
    CHECK(run.status == 0);  // a warning, not an error
    auto lines = problems(run.messages);
    CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return has(l, "no alt text"); }) == 2);
    CHECK(std::find(lines.begin(), lines.end(),
                    "notes/walls.md:6:11: warning: image '../assets/board.png' has no alt text: say what it shows "
                    "between the brackets, ![what it shows](../assets/board.png), for readers who cannot see it") !=
          lines.end());
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
        return l.rfind("notes/walls.md:6:45: warning: image 'https://example.org/x.png' has no alt text", 0) == 0;
    }));
}

TEST_CASE("a public build carries nothing of a community page's recording or transcript", "[media][audience]") {
    MemoryFiles files = media_memory();
    files["notes/candid.md"] =
        "---\ntitle: Candid debrief\nvisibility: community\n---\nThe debrief, recorded:\n\n"
        "![The candid debrief](candid-debrief.m4a)\n";
    files["notes/candid-debrief.m4a"] = "sound";
    files["notes/candid-debrief.vtt"] =
        "WEBVTT\n\n00:00.000 --> 00:03.000\nThe sponsor wombatine is leaving in June, keep it quiet.\n";
    files["assets/audio/backroom.mp3"] = "sound";
    files["assets/audio/backroom.txt"] = "The ocelotine budget talk we had in the back room.\n";
    files["notes/backroom.md"] =
        "---\ntitle: Back room\nvisibility: community\n---\n[The back room](../assets/audio/backroom.mp3)\n";
    // A public page whose community block plays a recording: the block goes, and the recording with it.
    files["notes/open.md"] =
        "---\ntitle: Open note\nvisibility: public\n---\nOpen words.\n\n:::community\n"
        "![Members only](../assets/audio/members.wav)\n:::\n";
    files["assets/audio/members.wav"] = "sound";
    files["assets/audio/members.vtt"] = "WEBVTT\n\n00:00.000 --> 00:03.000\nThe capybarine plan for members.\n";
    TempMemory memory(files);
    auto options = options_for(memory.root(), memory.output());
    options.audience = cp::audience::Audience::Public;
    options.quiet = false;
    auto run = build_site(options);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    CHECK(has(run.messages, "public audit"));
    std::string site = whole_site(memory.output());
    for (const char* secret : {"candid-debrief", "wombatine", "backroom", "ocelotine", "members.wav", "members.vtt",
                               "capybarine", "Candid debrief", "Back room"})
        CHECK_FALSE(has(site, secret));
    // The public meeting's recording, its captions and its video are published, and play.
    CHECK(fs::exists(memory.output() / "meetings/2016-05-04-review.m4a"));
    CHECK(fs::exists(memory.output() / "meetings/2016-05-04-review.vtt"));
    CHECK(fs::exists(memory.output() / "assets/video/walk-round.webm"));
    CHECK_FALSE(fs::exists(memory.output() / "assets/video/walk-round.txt"));  // shown, not copied
    std::string page = read_file(memory.output() / "meetings/2016-05-04-review/index.html");
    CHECK(has(page, "<track kind=\"captions\" src=\"../../meetings/2016-05-04-review.vtt\""));
    CHECK(has(search_files(memory.output()), "\"zebrafinch\":"));
}

TEST_CASE("audit facts: a community recording, its captions and its transcript's words are looked for",
          "[media][audience]") {
    MemoryFiles files = media_memory();
    files["notes/candid.md"] =
        "---\ntitle: Candid debrief\nvisibility: community\n---\n![The candid debrief](candid-debrief.m4a)\n";
    files["notes/candid-debrief.m4a"] = "sound";
    files["notes/candid-debrief.vtt"] = "WEBVTT\n\n00:00.000 --> 00:03.000\nThe sponsor wombatine is leaving in June\n";
    TempFolder tmp;
    write_files(tmp / "memory", files);
    cp::diag::Sink sink;
    cp::parallel::Pool pool(2);
    auto loaded = cp::site::load(options_for(tmp / "memory", tmp / "out"), pool, sink);
    REQUIRE_FALSE(sink.has_errors());
    auto facts = cp::audience::audit_facts(loaded.site, loaded.versions_as_written, loaded.snapshot,
                                           {cp::audience::Audience::Public, false});
    auto forbidden = [&](const std::string& text) {
        return std::any_of(facts.forbidden.begin(), facts.forbidden.end(),
                           [&](const cp::audience::Forbidden& f) { return f.text == text; });
    };
    CHECK(forbidden("/notes/candid-debrief.m4a"));
    CHECK(forbidden("/notes/candid-debrief.vtt"));  // a companion goes with its recording
    CHECK(forbidden("the sponsor wombatine is leaving in june"));
    // The public meeting's recording and its captions may be written; so may their words.
    CHECK_FALSE(forbidden("/meetings/2016-05-04-review.m4a"));
    CHECK_FALSE(forbidden("/meetings/2016-05-04-review.vtt"));
}

TEST_CASE("personal data in a public recording's transcript or captions is found at its line", "[media][audience]") {
    MemoryFiles files = media_memory();
    files["assets/video/walk-round.txt"] = "The charge nurse shows the board.\nRing her on 07700 900123 after.\n";
    files["meetings/2016-05-04-review.vtt"] = "WEBVTT\n\n00:00.000 --> 00:03.000\nOr call 020 7946 0958.\n";
    TempMemory memory(files);
    auto options = options_for(memory.root(), memory.output());
    options.audience = cp::audience::Audience::Public;
    auto run = build_site(options);
    auto lines = problems(run.messages);
    CHECK(run.status == 1);
    CHECK(std::find(lines.begin(), lines.end(),
                    "assets/video/walk-round.txt:2:13: error: a phone number on a public page") != lines.end());
    CHECK(std::any_of(lines.begin(), lines.end(), [](const std::string& l) {
        return l.rfind("meetings/2016-05-04-review.vtt:4:9: error: a phone number in the captions", 0) == 0;
    }));

    // Under redact the transcript's number is hidden; the captions, published as they are, stay an error.
    memory.write("commonplace.yaml",
                 "title: Media memory\nbase_url: https://example.org/memory/\npersonal_data: redact\n");
    run = build_site(options);
    CHECK(run.status == 1);
    memory.write("meetings/2016-05-04-review.vtt", kCaptions);
    run = build_site(options);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    std::string page = read_file(memory.output() / "meetings/2016-05-04-review/index.html");
    CHECK(has(page, "Ring her on (hidden) after."));
    CHECK_FALSE(has(whole_site(memory.output()), "07700 900123"));
}
