#!/usr/bin/env python3
"""Writes the project's own test articles and their gold annotations.

Each article below was written for this project (short, in our own words;
never copied from an evaluation article). The gold is in the format that
../shared/eval/score.py reads (see ../shared/eval/README.md): toponyms,
demonyms, non_places, events. Run from anywhere:

    python3 tests/news/data/unseen/make_gold.py

Event types follow the document contract; where the contract has no type of
its own: a siege or the capture of a town is `military_operation`, a
displacement of people, an evacuation or a natural disaster is `other`, a
handover of a base is `agreement`, an abduction is `attack`. A building that
speaks for a government ("the Quai d'Orsay said") is a toponym with the role
`actor`. Events the text
says did not happen (denied, threatened, refused, hypothetical) are not gold
events: score.py ignores system events with those statuses, and any other
report of them is a false positive. `optional` events are reported in the
text but secondary (neither required nor counted against precision).
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name: (canonical place, kind, lat, lon, tolerance_km, ISO country for countries)
P = {
    "Niger": ("Niger", "country", 17.61, 8.08, 800, "NE"),
    "Niamey": ("Niamey", "city", 13.51, 2.11, 30, None),
    "Mali": ("Mali", "country", 17.57, -3.99, 800, "ML"),
    "Bamako": ("Bamako", "city", 12.65, -8.0, 30, None),
    "Tombouctou": ("Timbuktu", "city", 16.77, -3.01, 30, None),
    "Burkina Faso": ("Burkina Faso", "country", 12.24, -1.56, 500, "BF"),
    "Kaya": ("Kaya", "city", 13.09, -1.08, 30, None),
    "Djibo": ("Djibo", "city", 14.10, -1.63, 30, None),
    "Tchad": ("Chad", "country", 15.45, 18.73, 800, "TD"),
    "N'Djamena": ("N'Djamena", "city", 12.11, 15.04, 30, None),
    "France": ("France", "country", 46.6, 2.4, 600, "FR"),
    "Paris": ("Paris", "city", 48.86, 2.35, 30, None),
    "Russie": ("Russia", "country", 61.5, 105.0, 3000, "RU"),
    "Russia": ("Russia", "country", 61.5, 105.0, 3000, "RU"),
    "Moscou": ("Moscow", "city", 55.75, 37.62, 50, None),
    "Moscow": ("Moscow", "city", 55.75, 37.62, 50, None),
    "Bruxelles": ("Brussels", "city", 50.85, 4.35, 30, None),
    "Dakar": ("Dakar", "city", 14.69, -17.44, 30, None),
    "Ziguinchor": ("Ziguinchor", "city", 12.56, -16.27, 30, None),
    "Sénégal": ("Senegal", "country", 14.5, -14.45, 400, "SN"),
    "Senegal": ("Senegal", "country", 14.5, -14.45, 400, "SN"),
    "Alger": ("Algiers", "city", 36.75, 3.06, 30, None),
    "El Fasher": ("El Fasher", "city", 13.63, 25.35, 30, None),
    "Darfour": ("Darfur", "region", 13.5, 24.0, 500, None),
    "Kaduna": ("Kaduna", "admin1", 10.52, 7.44, 200, None),
    "Nigeria": ("Nigeria", "country", 9.08, 8.68, 800, "NG"),
    "Israël": ("Israel", "country", 31.5, 34.9, 200, "IL"),
    "Liban": ("Lebanon", "country", 33.9, 35.9, 150, "LB"),
    "Beyrouth": ("Beirut", "city", 33.89, 35.50, 30, None),
    "Hodeïda": ("Hodeidah", "city", 14.80, 42.95, 30, None),
    "Yémen": ("Yemen", "country", 15.6, 48.0, 700, "YE"),
    "Sanaa": ("Sanaa", "city", 15.35, 44.21, 30, None),
    "Tel-Aviv": ("Tel Aviv", "city", 32.08, 34.78, 30, None),
    "Kinshasa": ("Kinshasa", "city", -4.32, 15.31, 30, None),
    "Gwoza": ("Gwoza", "city", 11.08, 13.69, 30, None),
    "Borno": ("Borno", "admin1", 11.5, 13.0, 250, None),
    "United States": ("United States", "country", 39.8, -98.6, 3000, "US"),
    "Britain": ("United Kingdom", "country", 54.0, -2.0, 600, "GB"),
    "Washington": ("Washington, D.C.", "city", 38.9, -77.04, 50, None),
    "Ukraine": ("Ukraine", "country", 49.0, 32.0, 800, "UA"),
    "Nairobi": ("Nairobi", "city", -1.29, 36.82, 30, None),
    "Mombasa": ("Mombasa", "city", -4.04, 39.67, 30, None),
    "Kisumu": ("Kisumu", "city", -0.09, 34.77, 30, None),
    "Burkina": ("Burkina Faso", "country", 12.24, -1.56, 500, "BF"),
    "Rafah": ("Rafah", "city", 31.29, 34.25, 30, None),
    "Egypt": ("Egypt", "country", 26.5, 30.0, 800, "EG"),
    "West Africa": ("West Africa", "region", 12.0, -2.0, 2500, None),
    "Chad": ("Chad", "country", 15.45, 18.73, 800, "TD"),
    "Laukkaing": ("Laukkaing", "city", 23.69, 98.76, 30, None),
    "Myanmar": ("Myanmar", "country", 21.0, 96.0, 800, "MM"),
    "China": ("China", "country", 35.0, 103.0, 2500, "CN"),
    "Goma": ("Goma", "city", -1.68, 29.22, 30, None),
    "North Kivu": ("North Kivu", "admin1", -0.8, 29.0, 250, None),
    "Rwanda": ("Rwanda", "country", -1.95, 29.9, 150, "RW"),
    "Kigali": ("Kigali", "city", -1.95, 30.06, 30, None),
    "Homs": ("Homs", "city", 34.73, 36.71, 30, None),
    "Damascus": ("Damascus", "city", 33.51, 36.29, 30, None),
    "Aleppo": ("Aleppo", "city", 36.20, 37.16, 30, None),
    "Maiduguri": ("Maiduguri", "city", 11.85, 13.16, 30, None),
    "Gao": ("Gao", "city", 16.27, -0.04, 30, None),
    "Ménaka": ("Ménaka", "city", 15.92, 2.40, 30, None),
    "Mopti": ("Mopti", "city", 14.49, -4.20, 30, None),
    "Kayes": ("Kayes", "city", 14.45, -11.44, 30, None),
    "Adré": ("Adré", "city", 13.47, 22.20, 30, None),
    "Adre": ("Adré", "city", 13.47, 22.20, 30, None),
    "El Geneina": ("El Geneina", "city", 13.45, 22.45, 30, None),
    "Soudan": ("Sudan", "country", 15.5, 30.0, 800, "SD"),
    "Sudan": ("Sudan", "country", 15.5, 30.0, 800, "SD"),
    "Khartoum": ("Khartoum", "city", 15.59, 32.53, 30, None),
    "Kyiv": ("Kyiv", "city", 50.45, 30.52, 50, None),
    "Agadez": ("Agadez", "city", 16.97, 7.99, 30, None),
    "Darfur": ("Darfur", "region", 13.5, 24.0, 500, None),
    "Turkey": ("Turkey", "country", 39.0, 35.0, 1000, "TR"),
    "Syria": ("Syria", "country", 35.0, 38.5, 500, "SY"),
    "Libya": ("Libya", "country", 27.0, 17.0, 1000, "LY"),
    "Ankara": ("Ankara", "city", 39.93, 32.86, 30, None),
    "Tripoli": ("Tripoli", "city", 32.89, 13.19, 30, None),
    "Cairo": ("Cairo", "city", 30.04, 31.24, 30, None),
    "Ouagadougou": ("Ouagadougou", "city", 12.37, -1.52, 30, None),
    "Quai d'Orsay": ("Quai d'Orsay", "landmark", 48.862, 2.316, 30, None),
    "Pentagon": ("Pentagon", "landmark", 38.871, -77.056, 30, None),
    "Bukavu": ("Bukavu", "city", -2.49, 28.84, 30, None),
    "Burundi": ("Burundi", "country", -3.4, 29.9, 150, "BI"),
    "Abéché": ("Abéché", "city", 13.83, 20.83, 30, None),
    "Côte d'Ivoire": ("Ivory Coast", "country", 7.5, -5.5, 400, "CI"),
    "Ivory Coast": ("Ivory Coast", "country", 7.5, -5.5, 400, "CI"),
    "Abidjan": ("Abidjan", "city", 5.35, -4.0, 30, None),
    "Yamoussoukro": ("Yamoussoukro", "city", 6.82, -5.28, 30, None),
    "Bouaké": ("Bouaké", "city", 7.69, -5.03, 30, None),
    "Diapaga": ("Diapaga", "city", 12.07, 1.79, 30, None),
    "Benin": ("Benin", "country", 9.5, 2.25, 400, "BJ"),
    "Bénin": ("Benin", "country", 9.5, 2.25, 400, "BJ"),
    "Kutum": ("Kutum", "city", 14.2, 24.67, 30, None),
    "Maradi": ("Maradi", "city", 13.5, 7.1, 30, None),
    "Zinder": ("Zinder", "city", 13.81, 8.99, 30, None),
    "Cotonou": ("Cotonou", "city", 6.37, 2.42, 30, None),
    "Gambia": ("Gambia", "country", 13.44, -15.5, 200, "GM"),
    "Banjul": ("Banjul", "city", 13.45, -16.58, 30, None),
    "Guinée": ("Guinea", "country", 10.4, -10.9, 400, "GN"),
    "Abuja": ("Abuja", "city", 9.06, 7.49, 30, None),
    "Conakry": ("Conakry", "city", 9.54, -13.68, 30, None),
    "États-Unis": ("United States", "country", 39.8, -98.6, 3000, "US"),
    "Kankara": ("Kankara", "city", 11.93, 7.41, 30, None),
    "Katsina": ("Katsina", "admin1", 12.5, 7.6, 200, None),
    "Antananarivo": ("Antananarivo", "city", -18.91, 47.54, 30, None),
    "Toamasina": ("Toamasina", "city", -18.15, 49.40, 30, None),
    "Madagascar": ("Madagascar", "country", -19.0, 46.7, 600, "MG"),
    "Freetown": ("Freetown", "city", 8.48, -13.23, 30, None),
    "Sierra Leone": ("Sierra Leone", "country", 8.5, -11.8, 300, "SL"),
    "El-Obeid": ("El Obeid", "city", 13.18, 30.22, 30, None),
    "Kordofan du Nord": ("North Kordofan", "admin1", 14.5, 29.5, 300, None),
    "Port-Soudan": ("Port Sudan", "city", 19.62, 37.22, 30, None),
    "Malawi": ("Malawi", "country", -13.25, 34.3, 300, "MW"),
    "Lilongwe": ("Lilongwe", "city", -13.97, 33.79, 30, None),
    "Blantyre": ("Blantyre", "city", -15.79, 35.0, 30, None),
    "Mzuzu": ("Mzuzu", "city", -11.46, 34.02, 30, None),
    "Ouakam": ("Ouakam", "city", 14.72, -17.49, 10, None),
    "Brussels": ("Brussels", "city", 50.85, 4.35, 30, None),
    "North Darfur": ("North Darfur", "admin1", 15.8, 25.5, 400, None),
    "Zamzam": ("Zamzam", "city", 13.49, 25.30, 30, None),
    "Tawila": ("Tawila", "city", 13.51, 24.85, 30, None),
}

# demonym text: place key
D = {
    "nigérien": "Niger", "russes": "Russie", "tchadiennes": "Tchad", "français": "France",
    "Algériens": ("Algeria", "country", 28.0, 2.6, 800, "DZ"), "libanaise": "Liban", "israéliens": "Israël",
    "malienne": "Mali", "nigériane": "Nigeria", "Congolese": ("DR Congo", "country", -2.9, 23.6, 1200, "CD"),
    "Russian": "Russia", "Israeli": "Israël", "Syrian": ("Syria", "country", 35.0, 38.5, 500, "SY"),
    "Kenyan": ("Kenya", "country", 0.5, 37.9, 600, "KE"), "Yemeni": "Yémen", "Malian": "Mali",
    "russes": "Russie", "soudanais": "Soudan", "Sudanese": "Sudan", "françaises": "France", "française": "France",
    "congolaise": ("DR Congo", "country", -2.9, 23.6, 1200, "CD"),
    "tchadiennes": "Tchad", "tchadien": "Tchad", "Ivoiriens": "Côte d'Ivoire", "burkinabè": "Burkina Faso",
    "nigériennes": "Niger", "Nigerians": "Nigeria", "Beninese": "Benin", "Gambians": "Gambia", "Senegalese": "Senegal",
    "guinéens": "Guinée", "guinéen": "Guinée", "malgache": "Madagascar",
    "soudanaise": "Soudan", "Malawians": "Malawi", "sénégalaise": "Sénégal", "françaises": "France",
}


def place(key):
    v = P[key] if isinstance(key, str) else key
    return v


def top(text, key=None, role=None):
    name, kind, lat, lon, tol, cc = place(key or text)
    d = {"text": text, "place": name, "kind": kind, "lat": lat, "lon": lon, "tolerance_km": tol}
    if cc:
        d["country"] = cc
    if role:
        d["role"] = role
    return d


def dem(text):
    v = D[text]
    name, kind, lat, lon, tol, cc = place(v)
    d = {"text": text, "place": name, "lat": lat, "lon": lon, "tolerance_km": tol}
    if cc:
        d["country"] = cc
    return d


def ev(type_, date, where, actors=(), optional=False, what=""):
    ws = []
    for w in where:
        name, kind, lat, lon, tol, cc = place(w)
        x = {"place": name, "lat": lat, "lon": lon, "tolerance_km": tol}
        if cc:
            x["country"] = cc
        ws.append(x)
    e = {"type": type_, "date": date, "where": ws, "actors": list(actors), "what": what}
    if optional:
        e["optional"] = True
    return e


ARTICLES = []


def article(name, lang, date, text, toponyms, demonyms=(), non_places=(), events=()):
    ARTICLES.append((name, lang, date, text, toponyms, demonyms, non_places, events))


# ---------------------------------------------------------------- French
article("fr01_coup_niger", "fr", "2024-09-03", """date 2024-09-03
NIAMEY — Des militaires ont renversé le président nigérien dans la nuit de dimanche à lundi. Les mutins ont fermé les frontières du Niger et suspendu la Constitution.
La communauté ouest-africaine a imposé des sanctions au pays mardi. À Niamey, des centaines de manifestants se sont rassemblés devant l'Assemblée nationale pour soutenir les nouveaux maîtres du pays.
""", [top("NIAMEY", "Niamey"), top("Niger"), top("Niamey")], [dem("nigérien")], ["Assemblée nationale", "Constitution"], [
    ev("coup", "2024-09-01/2024-09-03", ["Niger"]),
    ev("sanction", "2024-09-03", ["Niger"], optional=True),
    ev("protest", "2024-09-03", ["Niamey"]),
    ev("political", "2024-09-01/2024-09-03", ["Niger"], optional=True),
])

article("fr02_attaque_burkina", "fr", "2024-06-11", """date 2024-06-11
Au moins 40 civils ont été tués samedi lors d'une attaque contre un marché de Kaya, dans le centre-nord du Burkina Faso, selon des sources locales.
Les assaillants, arrivés à moto, ont incendié des boutiques avant de fuir vers le nord.
Le 3 juin, une embuscade avait coûté la vie à 17 soldats près de Djibo.
""", [top("Kaya"), top("Burkina Faso"), top("Djibo")], [], [], [
    ev("attack", "2024-06-08", ["Kaya"]),
    ev("casualties", "2024-06-08", ["Kaya"], optional=True),
    ev("attack", "2024-06-03", ["Djibo"]),
    ev("casualties", "2024-06-03", ["Djibo"], optional=True),
])

article("fr03_sanctions_russie", "fr", "2025-02-20", """date 2025-02-20
Les Vingt-Sept ont adopté jeudi un nouveau train de sanctions contre la Russie, qui vise notamment des banques et des exportateurs de pétrole.
Bruxelles a également gelé les avoirs de plusieurs responsables russes.
Moscou a dénoncé une décision « illégale » et a menacé de riposter.
""", [top("Russie"), top("Bruxelles", role="actor"), top("Moscou", role="actor")], [dem("russes")], ["Vingt-Sept"], [
    ev("sanction", "2025-02-20", ["Russie"]),
    ev("statement", "2025-02-20", ["Russie"], optional=True),
])

article("fr04_manifestations_dakar", "fr", "2024-02-10", """date 2024-02-10
Des milliers de personnes ont manifesté vendredi à Dakar contre le report de l'élection présidentielle.
La police a dispersé les manifestants à coups de gaz lacrymogène et a arrêté plusieurs dizaines de jeunes, selon une organisation de défense des droits humains.
À Ziguinchor, dans le sud du Sénégal, des heurts ont fait un mort.
""", [top("Dakar"), top("Ziguinchor"), top("Sénégal")], [], [], [
    ev("protest", "2024-02-09", ["Dakar"]),
    ev("arrest", "2024-02-09/2024-02-10", ["Dakar"]),
    ev("casualties", "2024-02-09/2024-02-10", ["Ziguinchor"]),
    ev("election", None, ["Sénégal", "Dakar"], optional=True),
    ev("military_operation", "2024-02-09/2024-02-10", ["Ziguinchor"], optional=True),
])

article("fr05_base_ndjamena", "fr", "2025-01-31", """date 2025-01-31
La France a rétrocédé jeudi au Tchad la base militaire de N'Djamena, la dernière que son armée occupait dans le pays.
Les derniers soldats français ont quitté le Tchad dans la matinée à bord d'avions de transport.
Les autorités tchadiennes avaient dénoncé en novembre l'accord de coopération de défense signé avec Paris.
""", [top("France", role="actor"), top("Tchad"), top("N'Djamena"), top("Paris", role="actor")],
    [dem("français"), dem("tchadiennes")], [], [
    ev("agreement", "2025-01-30", ["N'Djamena", "Tchad"]),
    ev("withdrawal", "2025-01-30/2025-01-31", ["Tchad"]),
    ev("statement", "2024-11", ["Tchad"], optional=True),
    ev("agreement", "2024-11", ["Tchad"], optional=True),
])

article("fr06_retrait_niger", "fr", "2023-10-11", """date 2023-10-11
Les quelque 1 500 militaires français stationnés au Niger ont commencé à quitter le pays mardi.
Une partie d'entre eux sera redéployée au Tchad, a précisé l'état-major.
Le retrait doit s'achever avant la fin de l'année.
""", [top("Niger"), top("Tchad")], [dem("français")], [], [
    ev("withdrawal", "2023-10-10/2023-12-31", ["Niger"]),
    ev("redeployment", "2023-10-10/2023-12-31", ["Tchad"]),
    ev("deployment", "2023-10-10/2023-10-11", ["Niger"], optional=True),
])

article("fr07_election_algerie", "fr", "2024-09-08", """date 2024-09-08
Les Algériens ont voté samedi pour élire leur président.
Le chef de l'État sortant, candidat à un second mandat, a été réélu avec une large majorité, selon les résultats provisoires annoncés dimanche à Alger.
L'opposition a dénoncé un scrutin « verrouillé ».
""", [top("Alger")], [dem("Algériens")], [], [
    ev("election", "2024-09-07/2024-09-08", [("Algeria", "country", 28.0, 2.6, 800, "DZ")]),
    ev("statement", "2024-09-08", [("Algeria", "country", 28.0, 2.6, 800, "DZ")], optional=True),
])

article("fr08_siege_el_fasher", "fr", "2024-05-15", """date 2024-05-15
Les paramilitaires assiègent depuis plusieurs semaines la ville d'El Fasher, au Darfour.
Selon les Nations unies, plus de 40 000 personnes ont fui les combats ces dix derniers jours vers le Tchad voisin.
Des frappes aériennes ont touché mardi un hôpital d'El Fasher.
""", [top("El Fasher"), top("Darfour"), top("Tchad")], [], ["Nations unies"], [
    ev("military_operation", "2024-04/2024-05-15", ["El Fasher"]),
    ev("other", "2024-05-05/2024-05-15", ["Tchad", "El Fasher"]),
    ev("attack", "2024-05-14", ["El Fasher"], optional=True),
    ev("military_operation", "2024-05-14", ["El Fasher"], optional=True),
])

article("fr09_enlevement_kaduna", "fr", "2024-03-09", """date 2024-03-09
Des hommes armés ont enlevé jeudi plus de 280 élèves dans une école de l'État de Kaduna, dans le nord-ouest du Nigeria.
L'armée nigériane a lancé une opération de recherche dans la forêt voisine.
Le président a promis de ramener les enfants sains et saufs.
""", [top("Kaduna"), top("Nigeria")], [dem("nigériane")], [], [
    ev("attack", "2024-03-07", ["Kaduna"]),
    ev("military_operation", "2024-03-07/2024-03-09", ["Kaduna", "Nigeria"], optional=True),
])

article("fr10_liban_offensive", "fr", "2024-10-02", """date 2024-10-02
Israël a annoncé mardi le début d'une opération terrestre dans le sud du Liban.
Des frappes ont visé dans la nuit la banlieue sud de Beyrouth, selon l'agence officielle libanaise.
Des dizaines de milliers d'habitants ont été évacués des villages frontaliers.
Le Hezbollah a nié toute perte dans ses rangs.
""", [top("Israël", role="actor"), top("Liban"), top("Beyrouth")], [dem("libanaise")], ["Hezbollah"], [
    ev("military_operation", "2024-10-01", ["Liban"]),
    ev("military_operation", "2024-10-01/2024-10-02", ["Beyrouth"], optional=True),
    ev("attack", "2024-10-01/2024-10-02", ["Beyrouth"], optional=True),
    ev("other", "2024-09-20/2024-10-02", ["Liban"], optional=True),
    ev("statement", "2024-10-01/2024-10-02", ["Liban"], optional=True),
])

article("fr11_hodeida", "fr", "2024-07-21", """date 2024-07-21
Des avions israéliens ont bombardé samedi le port de Hodeïda, tenu par les rebelles houthis, au Yémen.
Les frappes ont fait au moins six morts et des dizaines de blessés, selon les autorités de Sanaa.
Les rebelles ont menacé de frapper Tel-Aviv.
""", [top("Hodeïda"), top("Yémen"), top("Sanaa"), top("Tel-Aviv")], [dem("israéliens")], [], [
    ev("military_operation", "2024-07-20", ["Hodeïda"]),
    ev("attack", "2024-07-20", ["Hodeïda"], optional=True),
    ev("casualties", "2024-07-20/2024-07-21", ["Hodeïda", "Yémen"], optional=True),
])

article("fr12_tombouctou", "fr", "2023-12-12", """date 2023-12-12
Depuis le coup d'État d'août 2020, la junte malienne s'est rapprochée de Moscou.
La mission des Nations unies a achevé lundi son retrait de Tombouctou et a remis le camp à l'armée malienne.
Le gouvernement de transition a refusé de fixer une date pour l'élection présidentielle.
""", [top("Moscou", role="actor"), top("Tombouctou")], [dem("malienne")], ["Nations unies"], [
    ev("coup", "2020-08", ["Mali"]),
    ev("withdrawal", "2023-12-11", ["Tombouctou"]),
    ev("agreement", "2023-12-11", ["Tombouctou"], optional=True),
])

# ---------------------------------------------------------------- English
article("en01_coup_attempt_kinshasa", "en", "2024-05-20", """date 2024-05-20
KINSHASA — Congolese security forces foiled a coup attempt on Sunday, an army spokesman said.
Armed men briefly occupied the presidential palace in Kinshasa before they were arrested.
At least three people were killed in the exchange of fire.
""", [top("KINSHASA", "Kinshasa"), top("Kinshasa")], [dem("Congolese")], [], [
    ev("coup_attempt", "2024-05-19", ["Kinshasa", ("DR Congo", "country", -2.9, 23.6, 1200, "CD")]),
    ev("arrest", "2024-05-19/2024-05-20", ["Kinshasa"]),
    ev("casualties", "2024-05-19/2024-05-20", ["Kinshasa"], optional=True),
])

article("en02_gwoza_bombing", "en", "2024-06-30", """date 2024-06-30
Suicide bombers killed at least 18 people at a wedding in Gwoza, in Nigeria's northeastern Borno state, on Saturday.
Another blast hit a hospital in the town shortly afterwards.
Jihadist fighters have staged repeated attacks in the region since 2009.
""", [top("Gwoza"), top("Nigeria"), top("Borno")], [], [], [
    ev("attack", "2024-06-29", ["Gwoza"]),
    ev("casualties", "2024-06-29", ["Gwoza"], optional=True),
    ev("attack", "2009/2024-06-30", ["Gwoza", "Borno"], optional=True),
])

article("en03_sanctions_russia", "en", "2024-02-24", """date 2024-02-24
The United States and Britain imposed sanctions on Friday on more than 500 Russian targets, including banks and defence firms.
Washington also froze the assets of several officials it accused of involvement in the war in Ukraine.
Moscow said the measures would fail.
""", [top("United States", role="actor"), top("Britain", role="actor"), top("Washington", role="actor"),
      top("Ukraine"), top("Moscow", role="actor")], [dem("Russian")], [], [
    ev("sanction", "2024-02-23/2024-02-24", ["Russia"]),
    ev("statement", "2024-02-23/2024-02-24", ["Ukraine", "Russia"], optional=True),
])

article("en04_nairobi_protests", "en", "2024-06-26", """date 2024-06-26
Thousands of protesters forced their way into parliament in Nairobi on Tuesday as lawmakers passed a contested finance bill.
Police opened fire on the crowd, killing at least five people, rights groups said.
Demonstrations also took place in Mombasa and Kisumu.
""", [top("Nairobi"), top("Mombasa"), top("Kisumu")], [], [], [
    ev("protest", "2024-06-25", ["Nairobi"]),
    ev("casualties", "2024-06-25/2024-06-26", ["Nairobi"], optional=True),
    ev("protest", "2024-06-25/2024-06-26", ["Mombasa", "Kisumu"]),
])

article("en05_defence_pact", "en", "2023-09-17", """date 2023-09-17
Mali, Burkina Faso and Niger signed a mutual defence pact in Bamako on Saturday, pledging to help one another against any armed rebellion or external aggression.
The three military governments all came to power in coups between 2020 and 2023.
""", [top("Mali", role="actor"), top("Burkina Faso", role="actor"), top("Niger", role="actor"), top("Bamako")], [], [], [
    ev("agreement", "2023-09-16", ["Bamako", "Mali"]),
    ev("coup", "2020/2023", ["Mali", "Burkina Faso", "Niger"], optional=True),
])

article("en06_senegal_election", "en", "2024-03-26", """date 2024-03-26
Senegal's main opposition candidate won Sunday's presidential election in the first round, according to provisional results published on Tuesday.
The vote had been postponed in February, which set off deadly protests in Dakar and other cities.
""", [top("Senegal"), top("Dakar")], [], [], [
    ev("election", "2024-03-24", ["Senegal"]),
    ev("protest", "2024-02", ["Dakar"]),
    ev("casualties", "2024-02", ["Dakar"], optional=True),
])

article("en07_rafah_evacuation", "en", "2024-05-07", """date 2024-05-07
The Israeli army ordered tens of thousands of residents to evacuate eastern Rafah on Monday ahead of a ground offensive.
Tanks seized the Rafah border crossing with Egypt overnight, the military said.
Aid agencies warned that an assault on the city could cause a massacre.
""", [top("Rafah"), top("Egypt")], [dem("Israeli")], [], [
    ev("other", "2024-05-06", ["Rafah"]),
    ev("military_operation", "2024-05-06/2024-05-07", ["Rafah"]),
])

article("en08_us_troops_niger", "en", "2024-04-26", """date 2024-04-26
The United States has agreed to withdraw its more than 1,000 troops from Niger, the State Department said on Friday.
Some of the forces leaving Niger will be redeployed to other countries in West Africa, officials said.
Washington denied that it was sending troops to Chad.
""", [top("United States", role="actor"), top("Niger"), top("West Africa"), top("Washington", role="actor"), top("Chad")],
    [], ["State Department"], [
    ev("withdrawal", "2024-04-26/2024-12-31", ["Niger"]),
    ev("redeployment", "2024-04-26/2024-12-31", ["West Africa", "Niger"]),
    ev("agreement", "2024-04-26", ["Niger"], optional=True),
])

article("en09_laukkaing", "en", "2024-01-16", """date 2024-01-16
Rebels of an ethnic armed alliance took control of the town of Laukkaing, near Myanmar's border with China, after weeks of fighting.
Thousands of soldiers surrendered, the alliance said.
China brokered a ceasefire between the army and the rebels in Myanmar on Friday.
""", [top("Laukkaing"), top("Myanmar"), top("China")], [], [], [
    ev("military_operation", "2023-12/2024-01-16", ["Laukkaing"]),
    ev("agreement", "2024-01-12", ["Myanmar"]),
])

article("en10_goma", "en", "2025-01-28", """date 2025-01-28
Rebel fighters entered Goma on Monday after a lightning offensive, and fighting went on near the airport.
More than 400,000 people have fled their homes in North Kivu since the start of the year, the United Nations said.
Kinshasa accused Rwanda of sending troops across the border, a charge Kigali denied.
""", [top("Goma"), top("North Kivu"), top("Kinshasa", role="actor"), top("Rwanda"), top("Kigali", role="actor")],
    [], ["United Nations"], [
    ev("military_operation", "2025-01-27", ["Goma"]),
    ev("other", "2025-01/2025-01-28", ["North Kivu", "Goma"]),
    ev("statement", "2025-01-27/2025-01-28", ["Rwanda", "Kinshasa"], optional=True),
])

article("en11_homs", "en", "2024-12-08", """date 2024-12-08
Rebel fighters captured Homs on Saturday and advanced towards Damascus, where the government collapsed overnight.
The president fled the country, according to two Syrian officials.
In Aleppo, which the rebels had seized a week earlier, residents celebrated in the streets.
""", [top("Homs"), top("Damascus"), top("Aleppo")], [dem("Syrian")], [], [
    ev("military_operation", "2024-12-07", ["Homs"]),
    ev("military_operation", "2024-11-29/2024-12-02", ["Aleppo"], optional=True),
    ev("other", "2024-12-07/2024-12-08", ["Damascus"], optional=True),
])

article("en12_niger_floods", "en", "2024-09-10", """date 2024-09-10
Floods have killed more than 300 people in Niger since June, the interior ministry said on Tuesday.
In neighbouring Nigeria, a dam burst near Maiduguri forced thousands of residents to evacuate their homes.
Officials said the flooding had also cut roads linking Niamey to the east of the country.
""", [top("Niger"), top("Nigeria"), top("Maiduguri"), top("Niamey")], [], [], [
    ev("other", "2024-06/2024-09-10", ["Niger"]),
    ev("casualties", "2024-06/2024-09-10", ["Niger"], optional=True),
    ev("other", "2024-09-01/2024-09-10", ["Maiduguri"]),
])

# ------------------------------------------- roles and movements (both languages)
# A state named as the counterpart of a relation ("avec Moscou", "ties with
# Ukraine", "s'est éloignée de Paris") speaks for its government; one named
# after a border noun ("sa frontière avec le Soudan") is a place; a name right
# before a verb is its subject even inside a clause without "that" ("a claim
# Khartoum rejected"); "depuis/from" and "vers/to/into" give the ends of a movement.
article("fr13_accord_kayes", "fr", "2025-03-05", """date 2025-03-05
Le Mali et la Russie ont signé mardi à Bamako un accord de coopération dans le domaine de l'énergie.
La junte, qui s'est éloignée de Paris depuis deux ans, multiplie les partenariats avec Moscou.
Des ingénieurs russes sont attendus à Kayes dans les prochains mois pour construire une centrale solaire.
""", [top("Mali", role="actor"), top("Russie", role="actor"), top("Bamako", role="location"), top("Paris", role="actor"),
      top("Moscou", role="actor"), top("Kayes", role="location")], [dem("russes")], [], [
    ev("agreement", "2025-03-04", ["Bamako", "Mali"]),
    ev("deployment", None, ["Kayes"], optional=True),
])

article("fr14_frontiere_adre", "fr", "2024-11-21", """date 2024-11-21
Le Tchad a fermé mercredi sa frontière avec le Soudan après des combats près d'Adré.
Des milliers de réfugiés soudanais avaient fui El Geneina vers Adré au cours de la semaine.
N'Djamena accuse les paramilitaires de violer son territoire, une accusation que Khartoum rejette.
""", [top("Tchad", role="actor"), top("Soudan", role="location"), top("Adré", role="location"),
      top("El Geneina", role="location"), top("N'Djamena", role="actor"), top("Khartoum", role="actor")],
    [dem("soudanais")], [], [
    ev("other", "2024-11-14/2024-11-21", ["Adré", "El Geneina"]),
    ev("military_operation", "2024-11-14/2024-11-21", ["Adré"], optional=True),
    ev("political", "2024-11-20", ["Tchad", "Soudan"], optional=True),
    ev("statement", "2024-11-21", ["Tchad"], optional=True),
])

article("fr15_retrait_burkina", "fr", "2023-02-20", """date 2023-02-20
Les forces spéciales françaises ont achevé samedi leur retrait du Burkina Faso.
Les quelque 400 soldats ont été redéployés depuis leur ancienne base vers le Niger, a indiqué l'état-major.
Ouagadougou avait exigé leur départ en janvier, après des manifestations devant l'ambassade française.
""", [top("Burkina Faso", role="location"), top("Niger", role="location"), top("Ouagadougou", role="actor")],
    [dem("françaises"), dem("française")], [], [
    ev("withdrawal", "2023-02-18", ["Burkina Faso"]),
    ev("redeployment", "2023-02-18/2023-02-20", ["Niger"]),
    ev("protest", "2023-01", ["Burkina Faso"], optional=True),
    ev("statement", "2023-01", ["Burkina Faso"], optional=True),
])

article("en13_niger_ties", "en", "2024-08-08", """date 2024-08-08
Niger's junta has cut diplomatic ties with Ukraine, a government spokesman said on Tuesday.
The decision followed claims that Kyiv had helped rebels who ambushed soldiers in Mali.
Washington completed the withdrawal of its last troops from Agadez on Monday.
""", [top("Niger", role="actor"), top("Ukraine", role="actor"), top("Kyiv", role="actor"), top("Mali", role="location"),
      top("Washington", role="actor"), top("Agadez", role="location")], [], [], [
    ev("withdrawal", "2024-08-05", ["Agadez"]),
    ev("political", "2024-08-06", ["Niger"], optional=True),
    ev("statement", "2024-08-06", ["Niger"], optional=True),
    ev("support", None, ["Mali"], optional=True),
    ev("attack", None, ["Mali"], optional=True),
])

article("en14_chad_border", "en", "2024-04-10", """date 2024-04-10
Thousands of Sudanese refugees crossed into Chad from Darfur last week, the UN refugee agency said.
Many walked from El Geneina to Adre, a town on the border with Sudan.
N'Djamena accused the army of bombing villages near the frontier, a claim Khartoum rejected.
""", [top("Chad", role="location"), top("Darfur", role="location"), top("El Geneina", role="location"),
      top("Adre", role="location"), top("Sudan", role="location"), top("N'Djamena", role="actor"),
      top("Khartoum", role="actor")], [dem("Sudanese")], ["UN"], [
    ev("other", "2024-03-31/2024-04-07", ["Chad", "Darfur", "Adre"]),
    ev("attack", None, ["Sudan"], optional=True),
    ev("statement", "2024-04", ["Chad"], optional=True),
])

article("en15_turkey_libya", "en", "2020-01-06", """date 2020-01-06
Turkey began moving troops from Syria to Libya on Thursday, a monitoring group said.
Ankara signed a security pact with Tripoli in November.
Cairo warned that it could send its own army into Libya.
""", [top("Turkey", role="actor"), top("Syria", role="location"), top("Libya", role="location"),
      top("Ankara", role="actor"), top("Tripoli", role="actor"), top("Cairo", role="actor")], [], [], [
    ev("redeployment", "2020-01-02/2020-01-06", ["Libya", "Syria"]),
    ev("agreement", "2019-11", []),
    ev("deployment", "2020-01-02/2020-01-06", ["Libya"], optional=True),
])


# ------------------------------------------- second batch (both languages)
article("fr16_prise_bukavu", "fr", "2025-03-14", """date 2025-03-14
Les rebelles ont pris le contrôle de la ville de Bukavu dimanche, après deux jours de combats contre l'armée congolaise.
Plus de vingt mille habitants ont fui vers le Burundi voisin, selon une agence humanitaire.
Kinshasa a accusé le Rwanda de soutenir les insurgés, ce que Kigali a démenti.
""", [top("Bukavu", role="location"), top("Burundi", role="location"), top("Kinshasa", role="actor"),
      top("Rwanda", role="actor"), top("Kigali", role="actor")], [dem("congolaise")], [], [
    ev("military_operation", "2025-03-09", ["Bukavu"]),
    ev("other", "2025-03-09/2025-03-14", ["Burundi", "Bukavu"]),
    ev("statement", "2025-03-14", [], optional=True),
    ev("support", None, ["Bukavu"], optional=True),
])

article("fr17_abeche", "fr", "2025-01-31", """date 2025-01-31
La France a rétrocédé jeudi la base d'Abéché aux autorités tchadiennes.
Les militaires français qui quittent le Tchad seront rapatriés en France d'ici la fin du mois, a précisé l'état-major.
Depuis le coup d'État d'avril 2021, N'Djamena s'est rapprochée de Moscou, mais le gouvernement tchadien n'a pas rompu ses relations avec Paris.
""", [top("France", role="actor"), top("Abéché", role="location"), top("Tchad", role="location"),
      top("France", role="location"), top("N'Djamena", role="actor"), top("Moscou", role="actor"), top("Paris", role="actor")],
    [dem("tchadiennes"), dem("français"), dem("tchadien")], [], [
    ev("agreement", "2025-01-30", ["Abéché"]),
    ev("withdrawal", "2025-01/2025-02", ["Tchad"]),
    ev("coup", "2021-04", ["Tchad"]),
    ev("political", None, ["Tchad"], optional=True),
])

article("fr18_vote_ivoirien", "fr", "2025-10-27", """date 2025-10-27
Les Ivoiriens ont voté samedi pour élire leur président, dans un climat tendu. À Abidjan, la participation est restée faible.
La veille, la police avait interpellé une trentaine d'opposants à Yamoussoukro et à Bouaké.
Le Quai d'Orsay a appelé au calme et au respect des résultats.
""", [top("Abidjan", role="location"), top("Yamoussoukro", role="location"), top("Bouaké", role="location"),
      top("Quai d'Orsay", role="actor")], [dem("Ivoiriens")], [], [
    ev("election", "2025-10-25", ["Côte d'Ivoire", "Abidjan"]),
    ev("arrest", "2025-10-24", ["Yamoussoukro", "Bouaké"]),
    ev("statement", "2025-10-27", [], optional=True),
])

article("fr19_diapaga", "fr", "2025-05-20", """date 2025-05-20
Des jihadistes ont attaqué lundi un camp militaire à Diapaga, dans l'est du Burkina Faso, tuant une cinquantaine de soldats burkinabè.
Les unités nigériennes, déployées de l'autre côté de la frontière, ont renforcé leurs positions près de Niamey.
L'état-major a démenti avoir perdu le contrôle de la ville.
""", [top("Diapaga", role="location"), top("Burkina Faso", role="location"), top("Niamey", role="location")],
    [dem("burkinabè"), dem("nigériennes")], [], [
    ev("attack", "2025-05-19", ["Diapaga"]),
    ev("casualties", "2025-05-19", ["Diapaga"], optional=True),
    ev("military_operation", "2025-05-19/2025-05-20", ["Niamey"], optional=True),
    ev("deployment", None, ["Niamey"], optional=True),
])

article("en16_kutum", "en", "2025-08-12", """date 2025-08-12
Paramilitary fighters took control of Kutum in western Sudan on Sunday, residents said.
Thousands of families fled the town towards El Fasher over the following days, according to an aid group.
The army denied losing the town and vowed to retake it.
""", [top("Kutum", role="location"), top("Sudan", role="location"), top("El Fasher", role="location")], [], [], [
    ev("military_operation", "2025-08-10", ["Kutum"]),
    ev("other", "2025-08-10/2025-08-12", ["El Fasher", "Kutum"]),
])

article("en17_drones_niger", "en", "2025-06-04", """date 2025-06-04
The United States began moving its drones out of Niger on Tuesday, the Pentagon said.
The aircraft leaving the base near Agadez will be redeployed to Ivory Coast and Benin, officials said.
Washington denied sending new troops to the region.
""", [top("United States", role="actor"), top("Niger", role="location"), top("Agadez", role="location"),
      top("Ivory Coast", role="location"), top("Benin", role="location"), top("Pentagon", role="actor"),
      top("Washington", role="actor")], [], [], [
    ev("withdrawal", "2025-06-03", ["Niger"]),
    ev("redeployment", "2025-06-03/2025-06-04", ["Ivory Coast", "Benin"]),
])

article("en18_zinder_protest", "en", "2025-11-18", """date 2025-11-18
Hundreds of students marched in Zinder and Maradi on Monday to protest against fuel shortages.
Police detained about 30 people in Zinder, a rights group said.
Nigerians living near the border said the shortages had spread from Niger.
""", [top("Zinder", role="location"), top("Maradi", role="location"), top("Niger", role="location")],
    [dem("Nigerians")], [], [
    ev("protest", "2025-11-17", ["Zinder", "Maradi"]),
    ev("arrest", "2025-11-17/2025-11-18", ["Zinder"]),
])

article("en19_gambia_pact", "en", "2025-09-09", """date 2025-09-09
Senegal and Gambia signed a border security agreement in Banjul on Monday.
The deal follows the 2017 crisis, when Senegalese troops entered Gambia to force out its former ruler.
Gambians will vote in a presidential election next year.
""", [top("Senegal", role="actor"), top("Gambia", role="actor"), top("Banjul", role="location"),
      top("Gambia", role="location")], [dem("Senegalese"), dem("Gambians")], [], [
    ev("agreement", "2025-09-08", ["Banjul"]),
    ev("deployment", "2017", ["Gambia"]),
    ev("election", "2026", ["Gambia"], optional=True),
])


# ------------------------------------------- third batch (both languages), scored before any rule changed
article("fr20_sanctions_guinee", "fr", "2025-11-18", """date 2025-11-18
La Cédéao a suspendu lundi la Guinée de ses instances lors d'un sommet à Abuja.
Les États-Unis ont gelé les avoirs de trois ministres guinéens et rappelé leur ambassadeur en poste à Conakry.
Le gouvernement guinéen a dénoncé des mesures « injustes ».
""", [top("Guinée"), top("Abuja", role="location"), top("États-Unis", role="actor"), top("Conakry", role="location")],
    [dem("guinéens"), dem("guinéen")], ["Cédéao"], [
    ev("sanction", "2025-11-17", ["Guinée", "Abuja"]),
    ev("sanction", None, ["Guinée"], optional=True),
    ev("statement", None, ["Guinée"], optional=True),
])

article("fr21_antananarivo", "fr", "2025-10-02", """date 2025-10-02
La police a tiré mercredi sur des manifestants qui dénonçaient les coupures d'eau et d'électricité à Antananarivo, faisant au moins deux morts.
Les autorités ont décrété un couvre-feu dans la capitale et arrêté une vingtaine d'étudiants à Toamasina.
L'Union africaine a appelé le gouvernement malgache au dialogue.
""", [top("Antananarivo", role="location"), top("Toamasina", role="location")], [dem("malgache")], ["Union africaine"], [
    ev("protest", "2025-10-01", ["Antananarivo"]),
    ev("casualties", "2025-10-01", ["Antananarivo"], optional=True),
    ev("arrest", "2025-10-01/2025-10-02", ["Toamasina"]),
    ev("other", None, ["Antananarivo"], optional=True),
    ev("statement", None, ["Madagascar"], optional=True),
])

article("en20_kankara", "en", "2025-12-05", """date 2025-12-05
Gunmen abducted more than 40 pupils from a boarding school in Kankara, in Nigeria's northwestern Katsina state, on Thursday.
Troops surrounded the forest where the kidnappers were hiding, the police said.
Parents gathered outside the school to demand the children's release.
""", [top("Kankara", role="location"), top("Nigeria", role="location"), top("Katsina", role="location")], [], [], [
    ev("attack", "2025-12-04", ["Kankara", "Katsina"]),
    ev("military_operation", None, ["Kankara"], optional=True),
    ev("protest", None, ["Kankara"], optional=True),
])

article("en21_freetown", "en", "2023-11-27", """date 2023-11-27
FREETOWN — Sierra Leone's government said on Sunday that it had repelled an attempted coup after armed men attacked a military barracks and two prisons in the capital.
Nearly 2,000 inmates escaped from the central prison, the information minister said.
A nationwide curfew has been in force since the attack.
""", [top("FREETOWN", "Freetown"), top("Sierra Leone", role="actor")], [], [], [
    ev("coup_attempt", "2023-11-26", ["Freetown", "Sierra Leone"]),
    ev("attack", "2023-11-26", ["Freetown"], optional=True),
    ev("other", None, ["Freetown"], optional=True),
])


# ------------------------------------------- fourth batch (both languages), scored before any rule changed
article("fr22_el_obeid", "fr", "2025-04-12", """date 2025-04-12
Les paramilitaires assiègent depuis trois semaines la ville d'El-Obeid, dans le Kordofan du Nord.
Les Nations unies ont évacué vendredi une centaine d'employés vers Port-Soudan.
Les combats ont fait au moins douze morts parmi les civils, selon un médecin de l'hôpital de la ville.
""", [top("El-Obeid", role="location"), top("Kordofan du Nord", role="location"), top("Port-Soudan", role="location")],
    [], ["Nations unies"], [
    ev("other", "2025-04-11", ["Port-Soudan", "El-Obeid"]),
    ev("military_operation", None, ["El-Obeid"], optional=True),
    ev("casualties", None, ["El-Obeid"], optional=True),
])

article("en22_malawi_vote", "en", "2025-09-18", """date 2025-09-18
Malawians voted on Tuesday in a general election marked by soaring prices.
Early results from Lilongwe and Blantyre showed the opposition leader ahead, the electoral commission said.
Observers from the Southern African Development Community reported long queues in Mzuzu.
""", [top("Lilongwe", role="location"), top("Blantyre", role="location"), top("Mzuzu", role="location")],
    [dem("Malawians")], ["Southern African Development Community"], [
    ev("election", "2025-09-16", ["Malawi"]),
    ev("statement", None, ["Malawi"], optional=True),
])

article("fr23_ouakam", "fr", "2025-03-08", """date 2025-03-08
Le Sénégal et la France ont signé jeudi à Dakar un accord sur la rétrocession des dernières emprises militaires françaises.
Le camp de Ouakam a été remis à l'armée sénégalaise lors d'une cérémonie.
Les derniers soldats français quitteront le pays d'ici juillet.
""", [top("Sénégal", role="actor"), top("France", role="actor"), top("Dakar", role="location"), top("Ouakam", role="location")],
    [dem("françaises"), dem("sénégalaise"), dem("français")], [], [
    ev("agreement", "2025-03-06", ["Dakar"]),
    ev("agreement", None, ["Ouakam", "Dakar"], optional=True),
    ev("withdrawal", None, ["Sénégal"], optional=True),
])

article("en23_tawila", "en", "2025-07-19", """date 2025-07-19
Brussels imposed sanctions on Thursday on two commanders of a paramilitary group over attacks on civilians in North Darfur.
More than 300,000 people have fled Zamzam camp to Tawila since April, the UN refugee agency said.
Sudan's army-backed government welcomed the measures.
""", [top("Brussels", role="actor"), top("North Darfur", role="location"), top("Zamzam", role="location"),
      top("Tawila", role="location"), top("Sudan", role="actor")], [], [], [
    ev("sanction", "2025-07-17", ["Sudan", "North Darfur"]),
    ev("other", "2025-04/2025-07-19", ["Tawila", "Zamzam"]),
    ev("attack", None, ["North Darfur"], optional=True),
    ev("statement", None, ["Sudan"], optional=True),
])


def main():
    for name, lang, date, text, toponyms, demonyms, non_places, events in ARTICLES:
        for t in list(toponyms) + list(demonyms) + [{"text": n} for n in non_places]:
            if t["text"] not in text:
                raise SystemExit(f"{name}: '{t['text']}' is not in the text")
        (HERE / f"{name}.txt").write_text(text, encoding="utf-8")
        gold = {"doc": name, "date": date, "lang": lang, "toponyms": toponyms, "demonyms": list(demonyms),
                "non_places": list(non_places), "events": list(events)}
        (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(ARTICLES)} articles written to {HERE}")


if __name__ == "__main__":
    main()
