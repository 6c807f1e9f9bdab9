// PostGIS writer against a throwaway PostgreSQL 15 + PostGIS cluster.
//
// Under CTest the cluster is a fixture (scripts/pg-test-server.sh start/stop
// as FIXTURES_SETUP/FIXTURES_CLEANUP) and GEOEVENTS_PG_URL names it. Run by
// hand (`test_geo "[postgis]"`), the test starts the cluster itself through
// the same script and stops it at the end. If it cannot be started, the
// tests FAIL: a PostGIS writer that was never exercised must not pass.
// The tags are hidden ([.postgis]) so that the main test discovery does not
// run them without the fixture.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "geo/project_compare.hpp"
#include "geo/story_fixture.hpp"
#include "geoevents/geo/error.hpp"
#include "geoevents/geo/layers.hpp"
#include "geoevents/geo/writer.hpp"

using namespace geoevents::geo;

namespace {

std::string script() { return std::string(GEOEVENTS_SOURCE_DIR) + "/scripts/pg-test-server.sh"; }

/// Output of a shell command (trailing newline removed), and its status.
std::pair<int, std::string> capture(const std::string& command) {
    std::string out;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    if (!p) return {-1, "popen failed"};
    std::array<char, 512> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), p)) out += buf.data();
    const int rc = pclose(p);
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return {rc, out};
}

/// The server for these tests: the fixture's, or one started here.
class Server {
public:
    Server() {
        if (const char* url = std::getenv("GEOEVENTS_PG_URL"); url && *url) {
            m_url = url;
            return;
        }
        auto [rc, out] = capture(script() + " start");
        if (rc != 0) {
            m_error = "cannot start the test PostgreSQL server (" + script() + " start): " + out;
            return;
        }
        m_started = true;
        m_url = out.substr(out.rfind('\n') == std::string::npos ? 0 : out.rfind('\n') + 1);
    }
    ~Server() {
        if (m_started) capture(script() + " stop");
    }
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    const std::string& url() const noexcept { return m_url; }
    const std::string& error() const noexcept { return m_error; }

private:
    std::string m_url, m_error;
    bool m_started = false;
};

Server& server() {
    static Server s;
    return s;
}

const std::string& require_server() {
    if (!server().error().empty()) FAIL(server().error());
    return server().url();
}

std::size_t rows(const std::string& url, std::string_view layer, const std::string& project = {}) {
    return read_layer(url, layer, ReadOptions{project}).features.size();
}

} // namespace

TEST_CASE("PostGIS: the borders layer is a table of its own, read back equal", "[geo][.postgis]") {
    const std::string& url = require_server();
    const Project original = build_layers(story::input_with_border());
    WriteOptions o;
    o.project_id = "story-borders";
    const ConversionReport r = write_project(original, "postgis", url, o);
    CHECK(r.files.size() == 6);
    compare::compare_layer(*original.find(layer_borders), read_layer(url, layer_borders, ReadOptions{"story-borders"}));
}

TEST_CASE("PostGIS: a project is written, read back equal, and re-written without duplicates",
          "[geo][.postgis]") {
    const std::string& url = require_server();
    const Project original = build_layers(story::input());

    WriteOptions o;
    o.project_id = "story-test-1";
    const ConversionReport first = write_project(original, "postgis", url, o);
    CHECK(first.lossless());
    CHECK(first.files.size() == 5);

    compare::compare_projects(original, read_project(url, ReadOptions{"story-test-1"}));

    // Again: the same rows, not twice as many.
    write_project(original, "postgis", url, o);
    const Project again = read_project(url, ReadOptions{"story-test-1"});
    compare::compare_projects(original, again);
    for (const auto& l : original.layers) CHECK(rows(url, l.name, "story-test-1") == l.features.size());

    // Another project shares the tables without touching the first.
    WriteOptions other;
    other.project_id = "story-test-2";
    Project smaller = original;
    smaller.find(layer_events)->features.resize(2);
    write_project(smaller, "postgis", url, other);
    CHECK(rows(url, layer_events, "story-test-2") == 2);
    CHECK(rows(url, layer_events, "story-test-1") == original.find(layer_events)->features.size());
    CHECK(rows(url, layer_events) >= original.find(layer_events)->features.size() + 2);
}

TEST_CASE("PostGIS: a failed write changes nothing (one transaction)", "[geo][.postgis]") {
    const std::string& url = require_server();
    const Project original = build_layers(story::input());
    WriteOptions o;
    o.project_id = "story-test-atomic";
    write_project(original, "postgis", url, o);

    // The events layer goes through, then the movements layer fails: a point
    // where the table holds multi line strings.
    Project bad = original;
    bad.find(layer_events)->features.resize(1);
    bad.find(layer_movements)->features[1].geometry = Geometry::point({1, 1});
    CHECK_THROWS_AS(write_project(bad, "postgis", url, o), geoevents::IoError);
    compare::compare_projects(original, read_project(url, ReadOptions{o.project_id}));
}

TEST_CASE("PostGIS: SQL in a project id or a layer name is stored as text, executes nothing", "[geo][.postgis]") {
    const std::string& url = require_server();
    const Project original = build_layers(story::input());
    WriteOptions safe;
    safe.project_id = "story-test-hostile-witness";
    write_project(original, "postgis", url, safe);
    const std::size_t places_before = rows(url, layer_places, safe.project_id);
    REQUIRE(places_before > 0);

    // A project id made to close a string literal and drop a table.
    WriteOptions hostile;
    hostile.project_id = "x'); DROP TABLE places; --";
    write_project(original, "postgis", url, hostile);
    compare::compare_projects(original, read_project(url, ReadOptions{hostile.project_id}));
    CHECK(rows(url, layer_places, safe.project_id) == places_before);

    // A layer name made to close a quoted identifier: a table of that name, nothing else.
    Project renamed = original;
    const std::string evil = "evil\"; DROP TABLE places; --";
    renamed.find(layer_events)->name = evil;
    write_project(renamed, "postgis", url, safe);
    CHECK(rows(url, evil, safe.project_id) == original.find(layer_events)->features.size());
    CHECK(rows(url, layer_places, safe.project_id) == places_before);
    CHECK(rows(url, layer_places, hostile.project_id) == places_before);
}

// Needs no server: runs with the other writer tests.
TEST_CASE("PostGIS: a server that is down gives a clear error without the password", "[geo][writer]") {
    const Project p = build_layers(story::input());
    // Port 1 on loopback: nothing listens there.
    const std::string url = "PG:host=127.0.0.1 port=1 dbname=geoevents user=geoevents password=Sup3rSecret";
    try {
        write_project(p, "postgis", url);
        FAIL("expected an IoError");
    } catch (const geoevents::IoError& e) {
        const std::string what = e.what();
        INFO(what);
        CHECK(what.find("PG:host=127.0.0.1 port=1 dbname=geoevents user=geoevents password=***") != std::string::npos);
        CHECK(what.find("cannot connect") != std::string::npos);
        CHECK(what.find("Sup3rSecret") == std::string::npos);
    }
    // Nothing written elsewhere: no file named after the connection string.
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::current_path()))
        CHECK_FALSE(e.path().filename().string().starts_with("PG:"));
}

TEST_CASE("PostGIS: a wrong password and tables owned by another role: a clear error, nothing written",
          "[geo][.postgis]") {
    const std::string& url = require_server();
    const Project original = build_layers(story::input());
    WriteOptions witness;
    witness.project_id = "story-test-owner-witness";
    write_project(original, "postgis", url, witness);  // the tables exist, owned by the server's superuser
    const std::size_t places_before = rows(url, layer_places, witness.project_id);
    REQUIRE(places_before > 0);

    // The test server's role that logs in with a password and owns nothing.
    auto [rc, pw_url] = capture(script() + " pw-url");
    REQUIRE(rc == 0);
    const std::string password = pw_url.substr(pw_url.find("password=") + 9);

    SECTION("wrong password") {
        std::string wrong = pw_url;
        wrong.replace(wrong.find(password), password.size(), "Wr0ngSecret");
        try {
            write_project(original, "postgis", wrong, witness);
            FAIL("expected an IoError");
        } catch (const geoevents::IoError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find("cannot connect") != std::string::npos);
            CHECK(what.find("password authentication failed") != std::string::npos);
            CHECK(what.find("Wr0ngSecret") == std::string::npos);
            CHECK(what.find("password=***") != std::string::npos);
        }
    }
    SECTION("the tables belong to another role") {
        try {
            write_project(original, "postgis", pw_url, witness);
            FAIL("expected an IoError");
        } catch (const geoevents::IoError& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find("permission denied") != std::string::npos);
            CHECK(what.find("places") != std::string::npos);
            CHECK(what.find(password) == std::string::npos);
        }
    }
    // Whatever failed, the superuser's rows are as they were.
    compare::compare_projects(original, read_project(url, ReadOptions{witness.project_id}));
    CHECK(rows(url, layer_places, witness.project_id) == places_before);
}
