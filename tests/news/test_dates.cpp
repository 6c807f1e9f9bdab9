// Dates in French and English news text (news/dates.hpp). The sentences are
// written for these tests.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "geoevents/news/dates.hpp"
#include "news_fixture.hpp"

using geoevents::geo::DatePrecision;
using geoevents::news::DateMention;
using geoevents::news::find_dates;
using geoevents::news::infer_reference_date;
using geoevents::news::ReferenceDate;

namespace {

// Thursday 17 February 2022.
const ReferenceDate k_thursday{2022, 2, 17};

/// A mention as the tests compare it: the exact bytes it covers and its value.
struct Found {
    std::string text;
    std::string iso;
    DatePrecision precision = DatePrecision::unknown;
    bool relative = false;
    std::string time;
    bool utc = false;
    std::string first, last;
};

std::vector<Found> dates(std::string_view text, std::string_view lang, const ReferenceDate& ref = k_thursday) {
    std::vector<Found> out;
    for (const DateMention& m : find_dates(text, lang, ref)) {
        REQUIRE(m.start < m.end);
        REQUIRE(m.end <= text.size());
        out.push_back(Found{std::string(text.substr(m.start, m.end - m.start)), m.span.iso, m.span.precision,
                            m.relative, m.span.time, m.span.utc, m.span.first, m.span.last});
    }
    return out;
}

/// The only mention in `text`.
Found one(std::string_view text, std::string_view lang, const ReferenceDate& ref = k_thursday) {
    const auto all = dates(text, lang, ref);
    INFO(text);
    REQUIRE(all.size() == 1);
    return all.front();
}

std::vector<std::string> isos(std::string_view text, std::string_view lang, const ReferenceDate& ref = k_thursday) {
    std::vector<std::string> out;
    for (const Found& f : dates(text, lang, ref)) out.push_back(f.iso);
    return out;
}

} // namespace

TEST_CASE("a French weekday with day and month takes the reference year", "[news][dates]") {
    const Found f = one("Le ministre a annoncé jeudi 17 février la fin de la mission.", "fr");
    CHECK(f.text == "jeudi 17 février");
    CHECK(f.iso == "2022-02-17");
    CHECK(f.precision == DatePrecision::day);
    CHECK(f.relative);
    CHECK(f.first == "2022-02-17");
    CHECK(f.last == "2022-02-17");
}

TEST_CASE("a French date with its year is absolute and leaves out the article", "[news][dates]") {
    const Found f = one("Le 2 janvier 2015, une patrouille est tombée dans une embuscade.", "fr");
    CHECK(f.text == "2 janvier 2015");
    CHECK(f.iso == "2015-01-02");
    CHECK_FALSE(f.relative);
    CHECK(one("Il est né le 1er mars 1990 à Gao.", "fr").iso == "1990-03-01");
}

TEST_CASE("English weekday and month-day forms", "[news][dates]") {
    CHECK(one("The minister spoke on Thursday February 17 in Paris.", "en").text == "Thursday February 17");
    const Found f = one("Talks resumed Thursday, Feb. 17, after a pause.", "en");
    CHECK(f.text == "Thursday, Feb. 17");
    CHECK(f.iso == "2022-02-17");
    CHECK(f.relative);
}

TEST_CASE("English day-month and month-day dates with a year", "[news][dates]") {
    CHECK(one("The decision was taken on 17 February 2022.", "en").iso == "2022-02-17");
    const Found f = one("The decision was taken on February 17, 2022, by the council.", "en");
    CHECK(f.text == "February 17, 2022");
    CHECK_FALSE(f.relative);
    CHECK(one("It ended on the 17th of February 2022.", "en").text == "17th of February 2022");
    CHECK(one("Voting opens February 17th.", "en").iso == "2022-02-17");
}

TEST_CASE("a day and month without a year look back at most about six months", "[news][dates]") {
    CHECK(one("Le scrutin du 20 novembre a été annulé.", "fr").iso == "2021-11-20");
    CHECK(one("Une réunion est prévue le 3 mars.", "fr").iso == "2022-03-03");
    CHECK(one("Une réunion est prévue le 3 mars.", "fr", ReferenceDate{2022, 0, 0}).iso == "2022-03-03");
    const Found unanchored = one("Une réunion est prévue le 3 mars.", "fr", ReferenceDate{});
    CHECK(unanchored.iso.empty());
    CHECK(unanchored.precision == DatePrecision::unknown);
    CHECK(unanchored.relative);
}

TEST_CASE("French day ranges take the month and year of their second end", "[news][dates]") {
    const Found f = one("Les manœuvres se sont tenues du 1er au 6 février 2022 au nord.", "fr");
    CHECK(f.text == "du 1er au 6 février 2022");
    CHECK(f.iso == "2022-02-01/2022-02-06");
    CHECK(f.precision == DatePrecision::interval);
    CHECK(f.first == "2022-02-01");
    CHECK(f.last == "2022-02-06");
    CHECK_FALSE(f.relative);
    CHECK(one("du 1er au 6 février", "fr").iso == "2022-02-01/2022-02-06");
    CHECK(one("du 28 janvier au 3 février", "fr").iso == "2022-01-28/2022-02-03");
    CHECK(one("du 28 au 3 février", "fr").iso == "2022-01-28/2022-02-03");
    CHECK(one("du 28 décembre au 3 janvier 2022", "fr").iso == "2021-12-28/2022-01-03");
    CHECK(one("les 11 et 12 février", "fr").iso == "2022-02-11/2022-02-12");
}

TEST_CASE("English day ranges", "[news][dates]") {
    const Found f = one("Exercises ran from 1 to 6 February in the north.", "en");
    CHECK(f.text == "from 1 to 6 February");
    CHECK(f.iso == "2022-02-01/2022-02-06");
    CHECK(one("Exercises ran February 1-6.", "en").iso == "2022-02-01/2022-02-06");
    CHECK(one("Exercises ran from February 1 to 6, 2022.", "en").iso == "2022-02-01/2022-02-06");
}

TEST_CASE("a night between two dates or two weekdays is an interval of two days", "[news][dates]") {
    const ReferenceDate may{2022, 5, 20};
    const Found f = one("Le camp a été visé dans la nuit du 11 au 12 mai par des tirs.", "fr", may);
    CHECK(f.text == "la nuit du 11 au 12 mai");
    CHECK(f.iso == "2022-05-11/2022-05-12");
    const Found w = one("Le camp a été visé dans la nuit de jeudi à vendredi.", "fr", ReferenceDate{2022, 2, 18});
    CHECK(w.text == "la nuit de jeudi à vendredi");
    CHECK(w.iso == "2022-02-17/2022-02-18");
    CHECK(one("The base was hit on the night of May 11-12.", "en", may).iso == "2022-05-11/2022-05-12");
}

TEST_CASE("a month with its year, and a month alone after a date preposition", "[news][dates]") {
    const Found fr = one("Le contingent est arrivé en avril 2021.", "fr");
    CHECK(fr.text == "avril 2021");
    CHECK(fr.iso == "2021-04");
    CHECK(fr.precision == DatePrecision::month);
    CHECK(fr.first == "2021-04-01");
    CHECK(fr.last == "2021-04-30");
    CHECK(one("The contingent arrived in April 2021.", "en").iso == "2021-04");
    const Found alone = one("Les élections auront lieu en avril.", "fr");
    CHECK(alone.iso == "2022-04");
    CHECK(alone.relative);
    CHECK(one("Ils partiront au mois de juin.", "fr").iso == "2022-06");
    CHECK(one("Elections are due in May.", "en").iso == "2022-05");
}

TEST_CASE("a month name alone without a date word is not taken", "[news][dates]") {
    CHECK(dates("La sonde a photographié Mars hier soir.", "fr").size() == 1);  // only "hier soir"
    CHECK(dates("Mai Thi Lan dirige la délégation.", "fr").empty());
    CHECK(dates("You may leave.", "en").empty());
    CHECK(dates("They march on the capital.", "en").empty());
}

TEST_CASE("early, middle and late parts of a year or a month", "[news][dates]") {
    const Found d = one("Les renforts sont arrivés début 2020.", "fr");
    CHECK(d.text == "début 2020");
    CHECK(d.iso == "2020-01/2020-04");
    CHECK(d.precision == DatePrecision::interval);
    CHECK(one("Le retrait a commencé fin 2021.", "fr").iso == "2021-09/2021-12");
    const Found m = one("Une visite est prévue à la mi-mars.", "fr");
    CHECK(m.text == "mi-mars");
    CHECK(m.iso == "2022-03-11/2022-03-20");
    CHECK(one("Reinforcements arrived in early 2020.", "en").iso == "2020-01/2020-04");
    CHECK(one("The pullout began late 2021.", "en").iso == "2021-09/2021-12");
    CHECK(one("A visit is planned for mid-March.", "en").iso == "2022-03-11/2022-03-20");
    CHECK(one("fin février 2022", "fr").iso == "2022-02-21/2022-02-28");
}

TEST_CASE("since a date runs up to the reference date", "[news][dates]") {
    const Found f = one("L'armée est présente dans le pays depuis 2013.", "fr");
    CHECK(f.text == "depuis 2013");
    CHECK(f.iso == "2013/2022-02-17");
    CHECK(f.precision == DatePrecision::interval);
    CHECK(f.first == "2013-01-01");
    CHECK(f.last == "2022-02-17");
    CHECK(f.relative);
    CHECK(one("The army has been deployed there since 2013.", "en").iso == "2013/2022-02-17");
    CHECK(one("depuis le 1er février", "fr").iso == "2022-02-01/2022-02-17");
    CHECK(one("depuis l'an dernier", "fr").iso == "2021/2022-02-17");
    // Without a reference date only the start is known.
    const Found open = one("depuis 2013", "fr", ReferenceDate{});
    CHECK(open.iso == "2013");
    CHECK(open.precision == DatePrecision::year);
}

TEST_CASE("years joined by et/and are separate mentions", "[news][dates]") {
    CHECK(isos("Des attaques ont eu lieu en 2020 et en 2021.", "fr") == std::vector<std::string>{"2020", "2021"});
    CHECK(isos("Des attaques ont eu lieu en 2020 et 2021.", "fr") == std::vector<std::string>{"2020", "2021"});
    CHECK(isos("Attacks took place in 2019, 2020 and 2021.", "en") ==
          std::vector<std::string>{"2019", "2020", "2021"});
    const auto all = dates("en 2020 et en 2021", "fr");
    REQUIRE(all.size() == 2);
    CHECK(all[0].text == "2020");
    CHECK(all[0].precision == DatePrecision::year);
}

TEST_CASE("a deadline with by keeps the date's own precision", "[news][dates]") {
    const Found f = one("The withdrawal should be complete by June 2022.", "en");
    CHECK(f.iso == "2022-06");
    CHECK(f.precision == DatePrecision::month);
    CHECK(one("Le retrait doit être achevé d'ici juin 2022.", "fr").iso == "2022-06");
    CHECK(one("Troops will leave by 2024.", "en").iso == "2024");
}

TEST_CASE("a lone time of day falls on the reference day", "[news][dates]") {
    const Found f = one("L'annonce a été faite à 8h15 GMT.", "fr");
    CHECK(f.text == "8h15 GMT");
    CHECK(f.iso == "2022-02-17");
    CHECK(f.time == "08:15");
    CHECK(f.utc);
    CHECK(f.relative);
    const Found e = one("The statement came at 8:15 GMT.", "en");
    CHECK(e.time == "08:15");
    CHECK(e.utc);
    const Found h = one("Le conseil se réunira à 14 heures.", "fr");
    CHECK(h.text == "14 heures");
    CHECK(h.time == "14:00");
    CHECK_FALSE(h.utc);
    CHECK(one("The vote is at 2 p.m.", "en").time == "14:00");
    const Found unanchored = one("à 8h15 GMT", "fr", ReferenceDate{});
    CHECK(unanchored.precision == DatePrecision::unknown);
    CHECK(unanchored.time == "08:15");
}

TEST_CASE("a time next to a date is attached to that date", "[news][dates]") {
    const Found f = one("Il a parlé le mardi 15 février 2022 à 8h15 GMT devant la presse.", "fr");
    CHECK(f.text == "mardi 15 février 2022 à 8h15 GMT");
    CHECK(f.iso == "2022-02-15");
    CHECK(f.time == "08:15");
    CHECK(f.utc);
    const Found e = one("He spoke at 8:15 GMT on Tuesday.", "en");
    CHECK(e.text == "8:15 GMT on Tuesday");
    CHECK(e.iso == "2022-02-15");
    CHECK(e.time == "08:15");
    CHECK(one("hier à 14h30", "fr").time == "14:30");
}

TEST_CASE("a count of hours is not a time of day", "[news][dates]") {
    CHECK(dates("Les combats ont duré 2 heures.", "fr").empty());
    CHECK(dates("Ils ont marché pendant 14 heures.", "fr").empty());
    CHECK(dates("Le service est ouvert 24h/24.", "fr").empty());
}

TEST_CASE("yesterday, today and tomorrow in both languages", "[news][dates]") {
    CHECK(one("Il est rentré hier.", "fr").iso == "2022-02-16");
    const Found a = one("Aujourd'hui, la mission s'achève.", "fr");
    CHECK(a.text == "Aujourd'hui");
    CHECK(a.iso == "2022-02-17");
    CHECK(one("Il part demain.", "fr").iso == "2022-02-18");
    CHECK(one("Ils sont arrivés avant-hier.", "fr").iso == "2022-02-15");
    CHECK(one("He returned yesterday.", "en").iso == "2022-02-16");
    CHECK(one("Today the mission ends.", "en").iso == "2022-02-17");
    CHECK(one("He leaves tomorrow.", "en").iso == "2022-02-18");
    CHECK(one("hier soir", "fr").text == "hier soir");
    CHECK(one("hier", "fr", ReferenceDate{2022, 2, 0}).precision == DatePrecision::unknown);
}

TEST_CASE("last week, last month and last year are counted from the reference date", "[news][dates]") {
    const Found w = one("Les discussions ont échoué la semaine dernière.", "fr");
    CHECK(w.text == "la semaine dernière");
    CHECK(w.iso == "2022-02-07/2022-02-13");
    CHECK(one("Talks failed last week.", "en").iso == "2022-02-07/2022-02-13");
    CHECK(one("Le contrat a été signé le mois dernier.", "fr").iso == "2022-01");
    const Found y = one("Le coup d'État a eu lieu l'an dernier.", "fr");
    CHECK(y.text == "l'an dernier");
    CHECK(y.iso == "2021");
    CHECK(y.precision == DatePrecision::year);
    CHECK(one("l'année dernière", "fr").iso == "2021");
    CHECK(one("The coup took place last year.", "en").iso == "2021");
    CHECK(one("cette année", "fr").iso == "2022");
    CHECK(one("next month", "en").iso == "2022-03");
    CHECK(dates("Prices rose over the last year.", "en").empty());
}

TEST_CASE("a bare weekday is the most recent such day up to the reference day", "[news][dates]") {
    const Found ce = one("Le président l'a confirmé ce jeudi.", "fr");
    CHECK(ce.text == "ce jeudi");
    CHECK(ce.iso == "2022-02-17");
    CHECK(one("Le président l'a confirmé jeudi.", "fr").iso == "2022-02-17");
    CHECK(one("Le président l'a confirmé lundi.", "fr").iso == "2022-02-14");
    const Found last = one("Il l'avait dit jeudi dernier.", "fr");
    CHECK(last.text == "jeudi dernier");
    CHECK(last.iso == "2022-02-10");
    CHECK(one("Il reviendra jeudi prochain.", "fr").iso == "2022-02-24");
    const Found on = one("The president confirmed it on Thursday.", "en");
    CHECK(on.text == "Thursday");
    CHECK(on.iso == "2022-02-17");
    CHECK(one("He had said so last Thursday.", "en").iso == "2022-02-10");
    CHECK(one("Sunday", "en").iso == "2022-02-13");
    CHECK(one("mercredi soir", "fr").text == "mercredi soir");
    const Found unknown = one("Il l'a confirmé jeudi.", "fr", ReferenceDate{2022, 0, 0});
    CHECK(unknown.precision == DatePrecision::unknown);
    CHECK(unknown.relative);
}

TEST_CASE("a month or a day followed by dernier or prochain", "[news][dates]") {
    const Found f = one("En mai dernier, un second coup d'État a eu lieu.", "fr");
    CHECK(f.text == "mai dernier");
    CHECK(f.iso == "2021-05");
    CHECK(one("en janvier dernier", "fr").iso == "2022-01");
    CHECK(one("le 28 février prochain", "fr").iso == "2022-02-28");
    CHECK(one("le 10 février prochain", "fr").iso == "2023-02-10");
    CHECK(one("le 20 février dernier", "fr").iso == "2021-02-20");
    CHECK(one("en mars prochain", "fr").iso == "2022-03");
}

TEST_CASE("a French weekday with a bare day number finds its month", "[news][dates]") {
    CHECK(one("Il a parlé jeudi 17, devant l'Assemblée.", "fr").iso == "2022-02-17");
    CHECK(one("Il a parlé lundi 31, devant l'Assemblée.", "fr").iso == "2022-01-31");
    CHECK(dates("Il a parlé jeudi 17 soldats plus tard.", "fr").size() == 1);  // "jeudi" alone
}

TEST_CASE("ranges of years and of months", "[news][dates]") {
    const Found f = one("De 2013 à 2020, la force a compté jusqu'à 5.100 soldats.", "fr");
    CHECK(f.text == "De 2013 à 2020");
    CHECK(f.iso == "2013/2020");
    CHECK(f.first == "2013-01-01");
    CHECK(f.last == "2020-12-31");
    CHECK(one("between 2013 and 2020", "en").iso == "2013/2020");
    CHECK(one("entre 2013 et 2020", "fr").iso == "2013/2020");
    CHECK(one("from 2013 to 2020", "en").iso == "2013/2020");
    CHECK(one("in 2013-2020", "en").iso == "2013/2020");
    CHECK(one("de janvier à mars 2022", "fr").iso == "2022-01/2022-03");
    CHECK(one("d'avril à juin 2021", "fr").iso == "2021-04/2021-06");
}

TEST_CASE("bare years need a date word before them", "[news][dates]") {
    CHECK(one("La force est née en 2013.", "fr").iso == "2013");
    CHECK(one("The force was born in 2013.", "en").iso == "2013");
    CHECK(one("à partir de 2014", "fr").iso == "2014");
    CHECK(one("au printemps 2021", "fr").iso == "2021");
    CHECK(one("the summer of 2021", "en").iso == "2021");
    CHECK(dates("Some 2015 soldiers were deployed.", "en").empty());
    CHECK(dates("2013 a été une année difficile.", "fr").empty());
    CHECK(dates("Plus de 2015 soldats.", "fr").empty());
}

TEST_CASE("only years from 1900 to 2100 are dates", "[news][dates]") {
    CHECK(dates("en 1850", "fr").empty());
    CHECK(dates("in 2150", "en").empty());
    CHECK(one("en 1900", "fr").iso == "1900");
    CHECK(one("in 2100", "en").iso == "2100");
}

TEST_CASE("abbreviated month names", "[news][dates]") {
    CHECK(one("le 3 janv. 2022", "fr").iso == "2022-01-03");
    const Found f = one("le 17 févr. à Paris", "fr");
    CHECK(f.text == "17 févr.");
    CHECK(f.iso == "2022-02-17");
    CHECK(one("on Sept. 5, 2021", "en").iso == "2021-09-05");
    CHECK(one("on Feb 17", "en").iso == "2022-02-17");
    CHECK(one("le 5 sept 2021", "fr").iso == "2021-09-05");
    CHECK(one("on Thu., Feb. 17", "en").iso == "2022-02-17");
}

TEST_CASE("French matching ignores case and accents", "[news][dates]") {
    CHECK(one("17 fevrier 2022", "fr").iso == "2022-02-17");
    CHECK(one("17 FÉVRIER 2022", "fr").iso == "2022-02-17");
    CHECK(one("le 1er aout 2021", "fr").iso == "2021-08-01");
    CHECK(one("le 15 août 2021", "fr").iso == "2021-08-15");
    CHECK(one("le 25 decembre 2020", "fr").iso == "2020-12-25");
    CHECK(one("JEUDI 17 FEVRIER", "fr").iso == "2022-02-17");
    CHECK(one("le 1ᵉʳ mars 2022", "fr").iso == "2022-03-01");
}

TEST_CASE("numbers that are not dates are not taken", "[news][dates]") {
    CHECK(dates("Le retrait prendra en neuf ans.", "fr").empty());
    CHECK(dates("Après neuf ans de présence, la force part.", "fr").empty());
    CHECK(dates("Un enfant à 2 ans parle déjà.", "fr").empty());
    CHECK(dates("De 3.000 à 12.000 hommes sont mobilisés.", "fr").empty());
    CHECK(dates("De 3 000 à 12 000 hommes sont mobilisés.", "fr").empty());
    CHECK(dates("Environ 40.000 personnes ont fui.", "fr").empty());
    CHECK(dates("Le programme coûte 2 millions d'euros.", "fr").empty());
    CHECK(dates("Le taux atteint 5 % cette fois.", "fr").empty());
    CHECK(dates("Les pays du G5 Sahel et l'A400M.", "fr").empty());
    CHECK(dates("La crise du COVID-19 a tout changé.", "fr").empty());
    CHECK(dates("Le retrait prendra en sept ans.", "fr").empty());
    CHECK(dates("Some 40,000 people fled; 2 million more are at risk.", "en").empty());
    CHECK(dates("They won 3-1 after 17 attempts.", "en").empty());
}

TEST_CASE("days that do not exist are not dates", "[news][dates]") {
    CHECK(dates("le 31 février 2022", "fr").empty());
    CHECK(dates("on February 29, 2021", "en").empty());
    CHECK(one("le 29 février 2024", "fr").iso == "2024-02-29");
    CHECK(dates("du 30 au 31 février", "fr").empty());
}

TEST_CASE("ISO and French numeric dates", "[news][dates]") {
    CHECK(one("publié le 2022-02-17", "fr").iso == "2022-02-17");
    CHECK(one("publié le 17/02/2022", "fr").iso == "2022-02-17");
}

TEST_CASE("spans are UTF-8 byte offsets into the text", "[news][dates]") {
    const std::string text = "Répétée « jeudi 17 février » à Ménaka.";
    const auto all = find_dates(text, "fr", k_thursday);
    REQUIRE(all.size() == 1);
    CHECK(all[0].start == text.find("jeudi"));
    CHECK(all[0].end == text.find(" »"));
    // A no-break space (U+00A0) between day and month is a space.
    CHECK(one("le 17\u00a0février 2022", "fr").iso == "2022-02-17");
}

TEST_CASE("mentions are sorted and do not overlap", "[news][dates]") {
    const std::string_view text =
        "Jeudi 17 février, le président a annoncé le départ, engagé depuis 2013. Les derniers soldats "
        "partiront d'ici l'été, après les exercices du 1er au 6 février et la réunion de la semaine dernière. "
        "En 2020 et en 2021, les attaques ont doublé ; fin 2021, la junte a pris ses distances.";
    const auto all = find_dates(text, "fr", k_thursday);
    REQUIRE(all.size() == 7);
    for (std::size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].end <= all[i].start);
    CHECK(isos(text, "fr") == std::vector<std::string>{"2022-02-17", "2013/2022-02-17", "2022-02-01/2022-02-06",
                                                       "2022-02-07/2022-02-13", "2020", "2021", "2021-09/2021-12"});
}

TEST_CASE("malformed and empty input never breaks the scanner", "[news][dates]") {
    CHECK(find_dates("", "fr", k_thursday).empty());
    const std::string bad = std::string("le 17 f\xC3") + "\xA9\xFF\xFEvrier \xE2\x80 2022 \xC3";
    CHECK_NOTHROW(find_dates(bad, "fr", k_thursday));
    CHECK_NOTHROW(find_dates("17", "fr", k_thursday));
    CHECK_NOTHROW(find_dates("jeudi", "xx", k_thursday));
    CHECK(one("jeudi 17 février", "xx").iso == "2022-02-17");  // unknown language: both keyword sets
}

TEST_CASE("ReferenceDate parses and prints the contract's forms", "[news][dates]") {
    const auto day = ReferenceDate::parse("2022-02-17");
    REQUIRE(day);
    CHECK(day->year == 2022);
    CHECK(day->month == 2);
    CHECK(day->day == 17);
    CHECK(day->iso() == "2022-02-17");
    CHECK(ReferenceDate::parse("2022-02")->iso() == "2022-02");
    CHECK(ReferenceDate::parse("2022")->iso() == "2022");
    CHECK_FALSE(ReferenceDate::parse("2022-13"));
    CHECK_FALSE(ReferenceDate::parse("2022-02-30"));
    CHECK_FALSE(ReferenceDate::parse("2021-02-29"));
    CHECK(ReferenceDate::parse("2024-02-29"));
    CHECK_FALSE(ReferenceDate::parse("22-02-17"));
    CHECK_FALSE(ReferenceDate::parse("2022/02/17"));
    CHECK_FALSE(ReferenceDate::parse(""));
    CHECK(ReferenceDate{}.iso().empty());
    CHECK_FALSE(ReferenceDate{}.known());
}

TEST_CASE("infer_reference_date fixes the year from a weekday and a date", "[news][dates]") {
    const ReferenceDate r = infer_reference_date("Le président a annoncé jeudi 17 février le retrait.", "fr", 2025);
    CHECK(r.iso() == "2022-02-17");
    CHECK(infer_reference_date("On Thursday, February 17 the minister confirmed the pullout.", "en", 2025).iso() ==
          "2022-02-17");
    // The most recent fitting year up to the present when nothing else constrains it.
    CHECK(infer_reference_date("jeudi 17 février", "fr", 2030).iso() == "2028-02-17");
    // Years the text mentions bound it from below.
    CHECK(infer_reference_date("jeudi 17 février. En 2021, la junte a pris le pouvoir.", "fr", 2030).iso() ==
          "2022-02-17");
    // A full date with its weekday settles it.
    CHECK(infer_reference_date("Publié le vendredi 18 février 2022.", "fr", 2030).iso() == "2022-02-18");
}

TEST_CASE("infer_reference_date counts years from 'since' with a duration", "[news][dates]") {
    const std::string_view fr = "Engagée depuis 2013, la force quitte le pays après neuf ans. Jeudi 17 février, ...";
    CHECK(infer_reference_date(fr, "fr", 2030).iso() == "2022-02-17");
    const std::string_view en = "Deployed since 2013, the force leaves after nearly nine years, it said on Thursday, "
                                "February 17.";
    CHECK(infer_reference_date(en, "en", 2030).iso() == "2022-02-17");
    CHECK(infer_reference_date("présente depuis 2013, elle part après 9 ans", "fr", 2030).iso() == "2022");
    CHECK(infer_reference_date("depuis 2005, après dix-sept ans de guerre", "fr", 2030).iso() == "2022");
    CHECK_FALSE(infer_reference_date("Rien ne date ce texte.", "fr", 2030).known());
    CHECK_FALSE(infer_reference_date("", "en").known());
}

TEST_CASE("the reader takes the reference date infer_reference_date gives, from the same scan as its dates",
          "[news][dates]") {
    // Written for this test: a weekday with a date, a "since" year and a duration.
    const std::string fr = "Engagée depuis 2013, la force quitte Gao après neuf ans. Jeudi 17 février, "
                           "l'état-major a confirmé le départ.";
    const auto dfr = news_test::read(fr, "");
    CHECK(dfr.date.iso() == infer_reference_date(fr, "fr").iso());
    CHECK(dfr.date.iso() == "2022-02-17");
    const std::string en = "Deployed since 2013, the force leaves Gao after nearly nine years, the staff said on "
                           "Thursday, February 17.";
    const auto den = news_test::read(en, "");
    CHECK(den.date.iso() == infer_reference_date(en, "en").iso());
    CHECK(den.date.iso() == "2022-02-17");
    // A date given wins: nothing is inferred.
    CHECK(news_test::read(fr, "2023-05-04").date.iso() == "2023-05-04");
    CHECK(news_test::read("date 2021-03\n" + en, "").date.iso() == "2021-03");
}
