#!/usr/bin/env python
"""Build src/detente/data/actors/countries.yaml.

Sources (facts only):
  * pycountry (ISO 3166-1 names, official names, common names, alpha-2/alpha-3 codes);
  * /work/shared/reference/country-demonyms.csv (NGEC, MIT): nationality adjectives and plurals;
  * /work/shared/reference/cameo-countrynames.txt (text_to_CAMEO, MIT): name variants and CAMEO codes;
  * the tables below: capitals with coordinates (public record), extra common English short forms,
    CAMEO regional codes (CAMEO codebook, as used in the PETRARCH-2 Phoenix dictionaries, MIT).

Codes: a sovereign state's code is its ISO 3166-1 alpha-3 code, which is also the CAMEO code in
cameo-countrynames.txt for all of them except two, where ISO/the gazetteer's code is used for
consistency with the rest of detente (the CAMEO code is kept in ``cameo_code``): Timor-Leste TLS
(CAMEO TMP) and Kosovo XKX (CAMEO KSV, PLOVER "KOS"; not in ISO, user-assigned code XK/XKX).
A dependent territory is folded into its controlling state as PLOVER prescribes: ``country`` is the
parent's code and ``code`` the CAMEO-style parent+ISO code (Puerto Rico USAPRI, Greenland DNKGRL),
as cameo-countrynames.txt does for most of them. Hong Kong (HKG), Antarctica (ATA) and Western
Sahara (ESH) keep their own codes.

Run:  .venv/bin/python tools/kb/build_countries.py  (from the repository root)
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[2]
REF = Path("/work/shared/reference")
OUT = ROOT / "src" / "detente" / "data" / "actors" / "countries.yaml"

# ---------------------------------------------------------------------------------------------
# Capitals of sovereign states (seat of government where it differs is noted): name, aliases, lat, lon.
# Coordinates are city centres, decimal degrees (public record).
# ---------------------------------------------------------------------------------------------
CAPITALS: dict[str, tuple[str, list[str], float, float]] = {
    "AFG": ("Kabul", [], 34.5553, 69.2075),
    "ALB": ("Tirana", ["Tirane", "Tiranë"], 41.3275, 19.8187),
    "DZA": ("Algiers", [], 36.7538, 3.0588),
    "AND": ("Andorra la Vella", [], 42.5063, 1.5218),
    "AGO": ("Luanda", [], -8.8390, 13.2894),
    "ATG": ("St. John's", ["Saint John's", "St John's"], 17.1274, -61.8468),
    "ARG": ("Buenos Aires", [], -34.6037, -58.3816),
    "ARM": ("Yerevan", [], 40.1792, 44.4991),
    "AUS": ("Canberra", [], -35.2809, 149.1300),
    "AUT": ("Vienna", ["Wien"], 48.2082, 16.3738),
    "AZE": ("Baku", [], 40.4093, 49.8671),
    "BHS": ("Nassau", [], 25.0443, -77.3504),
    "BHR": ("Manama", [], 26.2285, 50.5860),
    "BGD": ("Dhaka", ["Dacca"], 23.8103, 90.4125),
    "BRB": ("Bridgetown", [], 13.0969, -59.6145),
    "BLR": ("Minsk", [], 53.9006, 27.5590),
    # "Brussels" as a metonym usually means the EU: places.yaml maps it to the EU and, being loaded
    # later, wins the alias; Belgium's capital is kept for coordinates.
    "BEL": ("Brussels", ["Bruxelles", "Brussel"], 50.8503, 4.3517),
    "BLZ": ("Belmopan", [], 17.2510, -88.7590),
    "BEN": ("Porto-Novo", [], 6.4969, 2.6289),  # seat of government: Cotonou
    "BTN": ("Thimphu", [], 27.4728, 89.6390),
    "BOL": ("La Paz", [], -16.4897, -68.1193),  # seat of government; constitutional capital Sucre
    "BIH": ("Sarajevo", [], 43.8563, 18.4131),
    "BWA": ("Gaborone", [], -24.6282, 25.9231),
    "BRA": ("Brasília", ["Brasilia"], -15.7939, -47.8828),
    "BRN": ("Bandar Seri Begawan", [], 4.9031, 114.9398),
    "BGR": ("Sofia", [], 42.6977, 23.3219),
    "BFA": ("Ouagadougou", [], 12.3714, -1.5197),
    "BDI": ("Gitega", [], -3.4271, 29.9246),  # political capital since 2019; economic capital Bujumbura
    "CPV": ("Praia", [], 14.9330, -23.5133),
    "KHM": ("Phnom Penh", [], 11.5564, 104.9282),
    "CMR": ("Yaoundé", ["Yaounde"], 3.8480, 11.5021),
    "CAN": ("Ottawa", [], 45.4215, -75.6972),
    "CAF": ("Bangui", [], 4.3947, 18.5582),
    "TCD": ("N'Djamena", ["Ndjamena", "N'Djaména"], 12.1348, 15.0557),
    "CHL": ("Santiago", ["Santiago de Chile"], -33.4489, -70.6693),
    "CHN": ("Beijing", [], 39.9042, 116.4074),
    "COL": ("Bogotá", ["Bogota"], 4.7110, -74.0721),
    "COM": ("Moroni", [], -11.7172, 43.2473),
    "COG": ("Brazzaville", [], -4.2634, 15.2429),
    "COD": ("Kinshasa", [], -4.4419, 15.2663),
    "CRI": ("San José", ["San Jose"], 9.9281, -84.0907),
    "CIV": ("Yamoussoukro", [], 6.8276, -5.2893),  # economic capital and most ministries: Abidjan
    "HRV": ("Zagreb", [], 45.8150, 15.9819),
    "CUB": ("Havana", ["La Habana"], 23.1136, -82.3666),
    "CYP": ("Nicosia", [], 35.1856, 33.3823),
    "CZE": ("Prague", ["Praha"], 50.0755, 14.4378),
    "DNK": ("Copenhagen", [], 55.6761, 12.5683),
    "DJI": ("Djibouti City", [], 11.5890, 43.1450),
    "DMA": ("Roseau", [], 15.3092, -61.3794),
    "DOM": ("Santo Domingo", [], 18.4861, -69.9312),
    "ECU": ("Quito", [], -0.1807, -78.4678),
    "EGY": ("Cairo", [], 30.0444, 31.2357),
    "SLV": ("San Salvador", [], 13.6929, -89.2182),
    "GNQ": ("Malabo", [], 3.7504, 8.7371),
    "ERI": ("Asmara", [], 15.3229, 38.9251),
    "EST": ("Tallinn", [], 59.4370, 24.7536),
    "SWZ": ("Mbabane", [], -26.3054, 31.1367),
    "ETH": ("Addis Ababa", [], 9.0054, 38.7636),
    "FJI": ("Suva", [], -18.1248, 178.4501),
    "FIN": ("Helsinki", [], 60.1699, 24.9384),
    "FRA": ("Paris", [], 48.8566, 2.3522),
    "GAB": ("Libreville", [], 0.4162, 9.4673),
    "GMB": ("Banjul", [], 13.4549, -16.5790),
    "GEO": ("Tbilisi", [], 41.7151, 44.8271),
    "DEU": ("Berlin", [], 52.5200, 13.4050),
    "GHA": ("Accra", [], 5.6037, -0.1870),
    "GRC": ("Athens", [], 37.9838, 23.7275),
    "GRD": ("St. George's", ["Saint George's", "St George's"], 12.0561, -61.7488),
    "GTM": ("Guatemala City", ["Ciudad de Guatemala"], 14.6349, -90.5069),
    "GIN": ("Conakry", [], 9.6412, -13.5784),
    "GNB": ("Bissau", [], 11.8817, -15.6178),
    "GUY": ("Georgetown", [], 6.8013, -58.1551),
    "HTI": ("Port-au-Prince", [], 18.5944, -72.3074),
    "HND": ("Tegucigalpa", [], 14.0723, -87.1921),
    "HUN": ("Budapest", [], 47.4979, 19.0402),
    "ISL": ("Reykjavík", ["Reykjavik"], 64.1466, -21.9426),
    "IND": ("New Delhi", ["Delhi"], 28.6139, 77.2090),
    "IDN": ("Jakarta", [], -6.2088, 106.8456),
    "IRN": ("Tehran", ["Teheran"], 35.6892, 51.3890),
    "IRQ": ("Baghdad", [], 33.3152, 44.3661),
    "IRL": ("Dublin", [], 53.3498, -6.2603),
    "ISR": ("Jerusalem", [], 31.7683, 35.2137),  # as designated by Israel; status disputed
    "ITA": ("Rome", ["Roma"], 41.9028, 12.4964),
    "JAM": ("Kingston", [], 17.9712, -76.7936),
    "JPN": ("Tokyo", [], 35.6762, 139.6503),
    "JOR": ("Amman", [], 31.9454, 35.9284),
    "KAZ": ("Astana", ["Nur-Sultan"], 51.1694, 71.4491),  # named Nur-Sultan 2019-2022
    "KEN": ("Nairobi", [], -1.2921, 36.8219),
    "KIR": ("South Tarawa", ["Tarawa"], 1.3290, 172.9790),
    "PRK": ("Pyongyang", [], 39.0392, 125.7625),
    "KOR": ("Seoul", [], 37.5665, 126.9780),
    "KWT": ("Kuwait City", [], 29.3759, 47.9774),
    "KGZ": ("Bishkek", [], 42.8746, 74.5698),
    "LAO": ("Vientiane", [], 17.9757, 102.6331),
    "LVA": ("Riga", [], 56.9496, 24.1052),
    "LBN": ("Beirut", [], 33.8938, 35.5018),
    "LSO": ("Maseru", [], -29.3151, 27.4869),
    "LBR": ("Monrovia", [], 6.3156, -10.8074),
    "LBY": ("Tripoli", [], 32.8872, 13.1913),
    "LIE": ("Vaduz", [], 47.1410, 9.5209),
    "LTU": ("Vilnius", [], 54.6872, 25.2797),
    "LUX": ("Luxembourg City", [], 49.6116, 6.1319),
    "MDG": ("Antananarivo", [], -18.8792, 47.5079),
    "MWI": ("Lilongwe", [], -13.9626, 33.7741),
    "MYS": ("Kuala Lumpur", [], 3.1390, 101.6869),  # administrative centre: Putrajaya
    "MDV": ("Malé", ["Male"], 4.1755, 73.5093),
    "MLI": ("Bamako", [], 12.6392, -8.0029),
    "MLT": ("Valletta", [], 35.8989, 14.5146),
    "MHL": ("Majuro", [], 7.1164, 171.1858),
    "MRT": ("Nouakchott", [], 18.0735, -15.9582),
    "MUS": ("Port Louis", [], -20.1609, 57.5012),
    "MEX": ("Mexico City", ["Ciudad de México", "Ciudad de Mexico", "CDMX"], 19.4326, -99.1332),
    "FSM": ("Palikir", [], 6.9248, 158.1610),
    "MDA": ("Chișinău", ["Chisinau", "Chişinău", "Kishinev"], 47.0105, 28.8638),
    "MCO": ("Monaco", [], 43.7384, 7.4246),  # city-state: no separate capital entry
    "MNG": ("Ulaanbaatar", ["Ulan Bator"], 47.8864, 106.9057),
    "MNE": ("Podgorica", [], 42.4304, 19.2594),
    "MAR": ("Rabat", [], 34.0209, -6.8416),
    "MOZ": ("Maputo", [], -25.9692, 32.5732),
    "MMR": ("Naypyidaw", ["Nay Pyi Taw", "Naypyitaw"], 19.7633, 96.0785),
    "NAM": ("Windhoek", [], -22.5609, 17.0658),
    "NRU": ("Yaren", [], -0.5477, 166.9209),
    "NPL": ("Kathmandu", [], 27.7172, 85.3240),
    "NLD": ("Amsterdam", [], 52.3676, 4.9041),  # seat of government: The Hague
    "NZL": ("Wellington", [], -41.2866, 174.7756),
    "NIC": ("Managua", [], 12.1140, -86.2362),
    "NER": ("Niamey", [], 13.5116, 2.1254),
    "NGA": ("Abuja", [], 9.0765, 7.3986),
    "MKD": ("Skopje", [], 41.9981, 21.4254),
    "NOR": ("Oslo", [], 59.9139, 10.7522),
    "OMN": ("Muscat", [], 23.5880, 58.3829),
    "PAK": ("Islamabad", [], 33.6844, 73.0479),
    "PLW": ("Ngerulmud", [], 7.5006, 134.6242),
    "PSE": ("Ramallah", [], 31.9038, 35.2034),  # administrative seat of the Palestinian Authority
    "PAN": ("Panama City", ["Ciudad de Panamá"], 8.9824, -79.5199),
    "PNG": ("Port Moresby", [], -9.4438, 147.1803),
    "PRY": ("Asunción", ["Asuncion"], -25.2637, -57.5759),
    "PER": ("Lima", [], -12.0464, -77.0428),
    "PHL": ("Manila", [], 14.5995, 120.9842),
    "POL": ("Warsaw", ["Warszawa"], 52.2297, 21.0122),
    "PRT": ("Lisbon", ["Lisboa"], 38.7223, -9.1393),
    "QAT": ("Doha", [], 25.2854, 51.5310),
    "ROU": ("Bucharest", [], 44.4268, 26.1025),
    "RUS": ("Moscow", [], 55.7558, 37.6173),
    "RWA": ("Kigali", [], -1.9441, 30.0619),
    "KNA": ("Basseterre", [], 17.3026, -62.7177),
    "LCA": ("Castries", [], 14.0101, -60.9875),
    "VCT": ("Kingstown", [], 13.1600, -61.2248),
    "WSM": ("Apia", [], -13.8507, -171.7514),
    "SMR": ("City of San Marino", [], 43.9424, 12.4578),
    "STP": ("São Tomé", ["Sao Tome"], 0.3365, 6.7273),
    "SAU": ("Riyadh", [], 24.7136, 46.6753),
    "SEN": ("Dakar", [], 14.7167, -17.4677),
    "SRB": ("Belgrade", [], 44.7866, 20.4489),
    "SYC": ("Victoria", [], -4.6191, 55.4513),
    "SLE": ("Freetown", [], 8.4657, -13.2317),
    "SGP": ("Singapore", [], 1.3521, 103.8198),  # city-state: no separate capital entry
    "SVK": ("Bratislava", [], 48.1486, 17.1077),
    "SVN": ("Ljubljana", [], 46.0569, 14.5058),
    "SLB": ("Honiara", [], -9.4456, 159.9729),
    "SOM": ("Mogadishu", [], 2.0469, 45.3182),
    "ZAF": ("Pretoria", ["Tshwane"], -25.7479, 28.2293),  # executive capital
    "SSD": ("Juba", [], 4.8594, 31.5713),
    "ESP": ("Madrid", [], 40.4168, -3.7038),
    # official capital Sri Jayawardenepura Kotte; Colombo hosts most of the government
    "LKA": ("Sri Jayawardenepura Kotte", ["Kotte", "Colombo"], 6.8868, 79.9187),
    "SDN": ("Khartoum", [], 15.5007, 32.5599),
    "SUR": ("Paramaribo", [], 5.8520, -55.2038),
    "SWE": ("Stockholm", [], 59.3293, 18.0686),
    "CHE": ("Bern", ["Berne"], 46.9480, 7.4474),
    "SYR": ("Damascus", [], 33.5138, 36.2765),
    "TWN": ("Taipei", [], 25.0330, 121.5654),
    "TJK": ("Dushanbe", [], 38.5598, 68.7870),
    "TZA": ("Dodoma", [], -6.1630, 35.7516),
    "THA": ("Bangkok", [], 13.7563, 100.5018),
    "TLS": ("Dili", [], -8.5569, 125.5603),
    "TGO": ("Lomé", ["Lome"], 6.1256, 1.2254),
    "TON": ("Nukuʻalofa", ["Nuku'alofa", "Nukualofa"], -21.1394, -175.2049),
    "TTO": ("Port of Spain", ["Port-of-Spain"], 10.6549, -61.5019),
    "TUN": ("Tunis", [], 36.8065, 10.1815),
    "TUR": ("Ankara", [], 39.9334, 32.8597),
    "TKM": ("Ashgabat", ["Ashkhabad"], 37.9601, 58.3261),
    "TUV": ("Funafuti", [], -8.5211, 179.1983),
    "UGA": ("Kampala", [], 0.3476, 32.5825),
    "UKR": ("Kyiv", ["Kiev"], 50.4501, 30.5234),
    "ARE": ("Abu Dhabi", [], 24.4539, 54.3773),
    "GBR": ("London", [], 51.5074, -0.1278),
    "USA": ("Washington, D.C.", ["Washington", "Washington DC", "Washington D.C."], 38.9072, -77.0369),
    "URY": ("Montevideo", [], -34.9011, -56.1645),
    "UZB": ("Tashkent", [], 41.2995, 69.2401),
    "VUT": ("Port Vila", ["Port-Vila"], -17.7333, 168.3273),
    "VAT": ("Vatican City", [], 41.9029, 12.4534),
    "VEN": ("Caracas", [], 10.4806, -66.9036),
    "VNM": ("Hanoi", ["Ha Noi"], 21.0278, 105.8342),
    "YEM": ("Sanaa", ["Sana'a", "Sana"], 15.3694, 44.1910),  # government also based in Aden since 2015
    "ZMB": ("Lusaka", [], -15.3875, 28.3228),
    "ZWE": ("Harare", [], -17.8252, 31.0335),
    "XKX": ("Pristina", ["Prishtina", "Priština"], 42.6629, 21.1655),
}

# Canonical English names (the form used in English news), where pycountry's short name differs.
CANONICAL = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CZE": "Czechia", "FLK": "Falkland Islands",
    "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea", "LAO": "Laos", "MDA": "Moldova",
    "PRK": "North Korea", "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria", "TWN": "Taiwan",
    "TZA": "Tanzania", "VAT": "Vatican City", "VEN": "Venezuela", "VNM": "Vietnam",
    "VGB": "British Virgin Islands", "VIR": "U.S. Virgin Islands", "MAF": "Saint Martin",
    "SXM": "Sint Maarten", "TUR": "Turkey", "CIV": "Côte d'Ivoire", "PCN": "Pitcairn Islands",
    "MAC": "Macau", "STP": "São Tomé and Príncipe", "SHN": "Saint Helena",
}

# Common English forms not (or not exactly) in pycountry/cameo-countrynames.
EXTRA_ALIASES: dict[str, list[str]] = {
    "USA": ["United States", "United States of America", "U.S.", "US", "USA", "U.S.A.", "America", "U.S. of A."],
    "GBR": ["United Kingdom", "Britain", "Great Britain", "UK", "U.K.", "England"],
    "RUS": ["Russia", "Russian Federation"],
    "CHN": ["People's Republic of China", "PRC", "P.R.C.", "mainland China"],
    "KOR": ["South Korea", "Republic of Korea", "ROK", "S. Korea", "Korea"],
    "PRK": ["North Korea", "DPRK", "D.P.R.K.", "N. Korea"],
    "COD": ["DRC", "DR Congo", "D.R. Congo", "DRCongo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "COG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "CZE": ["Czech Republic", "Czechia"],
    "MKD": ["North Macedonia", "Macedonia", "Republic of North Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"],
    "MMR": ["Myanmar", "Burma"],
    "TLS": ["East Timor", "Timor-Leste", "Timor Leste"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire", "Côte d’Ivoire"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "NLD": ["Netherlands", "Holland"],
    "VAT": ["Vatican", "Holy See"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian territories", "Palestinian Territories",
            "occupied Palestinian territories", "Occupied Palestinian Territories"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates", "Emirates"],
    "SAU": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina", "Bosnia and Hercegovina"],
    "TTO": ["Trinidad", "Trinidad & Tobago"],
    "ATG": ["Antigua", "Antigua & Barbuda"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis", "Saint Kitts", "St. Kitts", "St Kitts"],
    "LCA": ["St Lucia", "St. Lucia"],
    "VCT": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines", "Saint Vincent", "St. Vincent", "St Vincent"],
    "FSM": ["Micronesia", "Federated States of Micronesia"],
    "STP": ["Sao Tome and Principe", "São Tomé and Príncipe", "Sao Tome"],
    "BRN": ["Brunei", "Brunei Darussalam"],
    "LAO": ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
    "VNM": ["Vietnam", "Viet Nam"],
    "TWN": ["Taiwan", "Republic of China", "Chinese Taipei"],
    "HKG": ["Hong Kong", "Hong Kong SAR"],
    "MAC": ["Macau", "Macao"],
    "XKX": ["Kosovo", "Republic of Kosovo"],
    "GNB": ["Guinea-Bissau", "Guinea Bissau"],
    "GMB": ["Gambia", "The Gambia"],
    "BHS": ["Bahamas", "The Bahamas"],
    "PHL": ["Philippines"],
    "IRN": ["Iran", "Islamic Republic of Iran"],
    "SYR": ["Syria", "Syrian Arab Republic"],
    "MDA": ["Moldova", "Republic of Moldova"],
    "TZA": ["Tanzania", "United Republic of Tanzania"],
    "VEN": ["Venezuela", "Bolivarian Republic of Venezuela"],
    "BOL": ["Bolivia", "Plurinational State of Bolivia"],
    "FLK": ["Falkland Islands", "Falklands", "Malvinas", "Islas Malvinas"],
    "DOM": ["Dominican Republic", "DR"],
    "CAF": ["Central African Republic", "CAR"],
    "PNG": ["Papua New Guinea", "PNG"],
    "NZL": ["New Zealand", "NZ"],
    "ZAF": ["South Africa", "Republic of South Africa", "RSA"],
}
# Abbreviations above that are too ambiguous on their own are still useful in headlines; these ones
# are NOT added (kept here for the record): "DR" (Dominican Republic) - doctor; "CAR" - car.
DROP_ALIASES = {"DR", "CAR", "U.S. of A."}

# Demonyms missing from country-demonyms.csv or worth adding (adjectives and plurals).
EXTRA_DEMONYMS: dict[str, list[str]] = {
    "SSD": ["South Sudanese"],
    "ECU": ["Ecuadorian", "Ecuadorians"],
    "SLV": ["Salvadoran", "Salvadorans", "Salvadorean", "Salvadoreans"],
    "ARG": ["Argentinian", "Argentinians"],
    "BHS": ["Bahamians"],
    "KEN": ["Kenyans"],
    "PHL": ["Philippine"],
    "NLD": ["Netherlands"],
    "GBR": ["Britons", "Briton"],
    "TON": ["Tongans"],
    "GRD": ["Grenadians"],
    "GUY": ["Guyanese"],
    "SUR": ["Surinamese", "Surinamers"],
    "VCT": ["Vincentian", "Vincentians"],
    "KNA": ["Kittitian", "Kittitians", "Nevisian", "Nevisians"],
    "TTO": ["Trinidadian and Tobagonian", "Tobagonian", "Tobagonians"],
    "USA": ["U.S.-based"],
    "PRK": ["N. Korean"],
    "KOR": ["S. Korean"],
    "TWN": ["Taiwanese"],
    "CZE": ["Czech"],
    "BIH": ["Bosnian Serb", "Bosnian Serbs", "Bosnian Croat", "Bosnian Croats"],
    "SAU": ["Saudis"],
    "UZB": ["Uzbek", "Uzbeks"],
    "KGZ": ["Kyrgyzstani", "Kyrgyzstanis"],
    "MMR": ["Myanmarese", "Burmese"],
    "NPL": ["Nepali", "Nepalis"],
    "BTN": ["Bhutanese"],
    "MDV": ["Maldivian", "Maldivians"],
    "LBN": ["Lebanese"],
    "ISR": ["Israelis"],
    "PSE": ["Palestinians"],
    "IRQ": ["Iraqis"],
    "AFG": ["Afghans"],
    "CIV": ["Ivorian"],
    "COD": ["Congolese"],  # "Congolese" also used for Congo-Brazzaville; the DRC is far more frequent
    "XKX": ["Kosovar", "Kosovars", "Kosovan", "Kosovans"],
    "HKG": ["Hong Konger", "Hong Kongers"],
}
# "Dominican" is left to the Dominican Republic and "Congolese" to the DR Congo (far more frequent).
DROP_DEMONYMS = {"COG": {"Congolese"}, "DMA": {"Dominican", "Dominicans"}}
# Tokens in country-demonyms.csv that are dropped: too ambiguous, or not demonyms.
DROP_TOKENS = {"English", "Bonaire", "Sint Eustatius and Saba", "Dominicanos", "Islamic Republic of Afghanistan"}

# Dependent territories -> controlling state (PLOVER folds them into it).
PARENT = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ASM": "USA", "ATF": "FRA", "BES": "NLD", "BLM": "FRA",
    "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL", "CUW": "NLD", "CXR": "AUS", "CYM": "GBR",
    "FLK": "GBR", "FRO": "DNK", "GGY": "GBR", "GIB": "GBR", "GLP": "FRA", "GRL": "DNK", "GUF": "FRA",
    "GUM": "USA", "HMD": "AUS", "IMN": "GBR", "IOT": "GBR", "JEY": "GBR", "MAC": "CHN", "MAF": "FRA",
    "MNP": "USA", "MSR": "GBR", "MTQ": "FRA", "MYT": "FRA", "NCL": "FRA", "NFK": "AUS", "NIU": "NZL",
    "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA", "SGS": "GBR", "SHN": "GBR", "SJM": "NOR",
    "SPM": "FRA", "SXM": "NLD", "TCA": "GBR", "TKL": "NZL", "UMI": "USA", "VGB": "GBR", "VIR": "USA",
    "WLF": "FRA",
}
OWN_CODE_TERRITORIES = {"HKG", "ATA", "ESH"}

# Tokens of country-demonyms.csv (listed under the parent state) that belong to a territory.
TERRITORY_TOKENS = {
    "Christmas Island": "CXR", "Christmas Islander": "CXR", "Christmas Islanders": "CXR",
    "Keeling Islands": "CCK", "Cocos [Keeling] Islands": "CCK", "Cocos Islander": "CCK",
    "Heard Island and McDonald Island": "HMD", "Heard and McDonald Islander": "HMD",
    "Norfolk Island": "NFK", "Norfolk Islander": "NFK",
    "Faroe Islands": "FRO", "Faroese": "FRO", "Faroe Islander": "FRO",
    "Greenland": "GRL", "Greenlandic": "GRL", "Greenlander": "GRL", "Greenlanders": "GRL",
    "Åland Islands": "ALA", "Åland Islander": "ALA",
    "French Guiana": "GUF", "French Polynesia": "PYF", "French Polynesian": "PYF", "French Polynesians": "PYF",
    "French Southern Territories": "ATF", "Guadeloupe": "GLP", "Guadeloupian": "GLP", "Guadeloupians": "GLP",
    "Martinique": "MTQ", "Mayotte": "MYT", "New Caledonia": "NCL", "New Caledonian": "NCL",
    "New Caledonians": "NCL", "Réunion": "REU", "Saint Barthélemy": "BLM", "Saint Martin": "MAF",
    "Saint Martin Islander": "MAF", "Saint Martin Islanders": "MAF", "Saint Pierre and Miquelon": "SPM",
    "Wallis and Futuna": "WLF", "Wallis and Futuna Islander": "WLF",
    "Western Sahara": "ESH", "Sahrawi": "ESH",
    "Aruba": "ABW", "Aruban": "ABW", "Arubans": "ABW", "Curaçao": "CUW", "Curaçaoan": "CUW",
    "Curacao": "CUW", "Curacaoan": "CUW", "Sint Maarten": "SXM",
    "Niue": "NIU", "Niuean": "NIU", "Tokelau": "TKL", "Tokelauan": "TKL", "Cook Islands": "COK",
    "Cook Islander": "COK",
    "Bouvet Island": "BVT", "Bouvet Islanders": "BVT", "Svalbard and Jan Mayen": "SJM", "Svalbard": "SJM",
    "Anguilla": "AIA", "Anguillian": "AIA", "Anguillians": "AIA", "Bermuda": "BMU", "Bermudian": "BMU",
    "Bermudians": "BMU", "British Indian Ocean Territory": "IOT", "Cayman Islands": "CYM",
    "Cayman Islander": "CYM", "Caymanians": "CYM", "Caymanian": "CYM", "Falkland Islands": "FLK",
    "Falkland Islander": "FLK", "Falkland Islanders": "FLK", "Falklander": "FLK", "Falklanders": "FLK",
    "Falkland Islands (Malvinas)": "FLK", "Islas Malvinas": "FLK", "Gibraltar": "GIB",
    "Gibraltarian": "GIB", "Gibraltarians": "GIB", "Guernsey": "GGY", "Isle of Man": "IMN", "Manx": "IMN",
    "Channel Islander": "JEY", "Channel Islanders": "JEY", "Montserrat": "MSR", "Montserratian": "MSR",
    "Pitcairn Islands": "PCN", "Pitcairn Islander": "PCN", "Pitcairn Islanders": "PCN",
    "Saint Helena": "SHN", "Saint Helenian": "SHN", "Saint Helenians": "SHN",
    "South Georgia and the South Sandwich Islands": "SGS", "Turks and Caicos Islands": "TCA",
    "Turks and Caicos Islander": "TCA", "British Virgin Islands": "VGB", "British Virgin Island": "VGB",
    "American Samoa": "ASM", "American Samoan": "ASM", "American Samoans": "ASM", "Guam": "GUM",
    "Guamanian": "GUM", "Guamanians": "GUM", "Northern Mariana Islands": "MNP", "Puerto Rico": "PRI",
    "Puerto Rican": "PRI", "Puerto Ricans": "PRI", "United States Minor Outlying Islands": "UMI",
    "Virgin Islands (U.S.)": "VIR", "U.S. Virgin Islands": "VIR", "US Virgin Islands": "VIR",
}
TERRITORY_DEMONYMS = {
    "Christmas Islander", "Christmas Islanders", "Cocos Islander", "Heard and McDonald Islander", "Norfolk Islander",
    "Faroese", "Faroe Islander", "Greenlandic", "Greenlander", "Greenlanders", "Åland Islander",
    "French Polynesian", "French Polynesians", "Guadeloupian", "Guadeloupians", "New Caledonian", "New Caledonians",
    "Saint Martin Islander", "Saint Martin Islanders", "Wallis and Futuna Islander", "Sahrawi", "Aruban", "Arubans",
    "Curaçaoan", "Curacaoan", "Niuean", "Tokelauan", "Cook Islander", "Bouvet Islanders", "Anguillian",
    "Anguillians", "Bermudian", "Bermudians", "Cayman Islander", "Caymanians", "Caymanian", "Falkland Islander",
    "Falkland Islanders", "Falklander", "Falklanders", "Gibraltarian", "Gibraltarians", "Manx", "Channel Islander",
    "Channel Islanders", "Montserratian", "Pitcairn Islander", "Pitcairn Islanders", "Saint Helenian",
    "Saint Helenians", "Turks and Caicos Islander", "British Virgin Island", "American Samoan", "American Samoans",
    "Guamanian", "Guamanians", "Puerto Rican", "Puerto Ricans",
}
# Tokens of country-demonyms.csv that are names of the row's own country (not demonyms).
NAME_TOKENS = {
    "Cabo Verde", "Cape Verde", "People's Republic of China", "Republic of the Congo", "Congo-Brazzaville",
    "Cote d’Ivoire", "Ivory Coast", "Côte d’Ivoire", "Czech Republic", "DRC", "DR Congo", "Zaire",
    "Hong Kong", "Islamic Republic of Iran", "Lao People's Democratic Republic", "Macedonia", "FYROM",
    "Myanmar", "DPRK", "Palestine", "Saudi Arabia", "São Tomé and Príncipe", "Swaziland",
    "Syrian Arab Republic", "Republic of China", "United Republic of Tanzania", "East Timor",
    "England", "UK", "U.K.", "United Kingdom of Great Britain and Northern Ireland", "Britain",
    "Scotland", "Wales", "Great Britain", "US", "U.S.", "United States", "Vatican City",
}

# CAMEO regional codes (CAMEO codebook; used as actor codes in the PETRARCH-2 dictionaries).
REGIONS = [
    ("EUR", "Europe", [], ["European", "Europeans"]),
    ("AFR", "Africa", [], ["African", "Africans"]),
    ("ASA", "Asia", [], ["Asian", "Asians"]),
    ("MEA", "Middle East", ["Mideast", "Middle-East"], ["Middle Eastern"]),
    ("LAM", "Latin America", ["Latin American countries"], ["Latin American", "Latin Americans"]),
    ("SAM", "South America", [], ["South American", "South Americans"]),
    ("NMR", "North America", [], ["North American", "North Americans"]),
    ("CRB", "Caribbean", ["Caribbean nations", "Caribbean countries"], []),
    ("CAS", "Central Asia", [], ["Central Asian"]),
    ("SAS", "South Asia", [], ["South Asian", "South Asians"]),
    ("SEA", "Southeast Asia", ["South-East Asia", "South East Asia"], ["Southeast Asian", "Southeast Asians"]),
    ("EEU", "Eastern Europe", [], ["Eastern European", "Eastern Europeans"]),
    ("CEU", "Central Europe", [], ["Central European"]),
    ("NAF", "North Africa", [], ["North African", "North Africans"]),
    ("WAF", "West Africa", [], ["West African", "West Africans"]),
    ("EAF", "East Africa", [], ["East African", "East Africans"]),
    ("SAF", "Southern Africa", [], ["Southern African"]),
    ("CFR", "Central Africa", [], []),
    ("BLK", "Balkans", ["Western Balkans"], ["Balkan"]),
    ("CAU", "Caucasus", ["South Caucasus", "North Caucasus"], []),  # "Caucasian" left out: means "white" in US usage
    ("SCN", "Scandinavia", ["Nordic countries"], ["Scandinavian", "Scandinavians", "Nordic"]),
    ("PGS", "Persian Gulf", ["Gulf states", "Gulf Arab states", "Arab Gulf states"], []),
    ("MDT", "Mediterranean", [], []),
    # "the West" keeps its article: a bare "West" would match "West Virginia", "West Bank" ...
    ("WST", "The West", ["the West", "Western powers", "Western nations", "Western countries", "Western governments"], []),
]

# Partially recognised entities (PLOVER: coded to the claimed state with sector PRE), from
# country-demonyms.csv plus the PLOVER manual's list.
PRE_ENTITIES = [
    ("abkhazia", "Abkhazia", "GEO", ["Republic of Abkhazia"], ["Abkhaz", "Abkhazian", "Abkhazians"], 43.0015, 41.0234),
    ("south-ossetia", "South Ossetia", "GEO", [], ["South Ossetian", "South Ossetians"], 42.2279, 43.9700),
    ("transnistria", "Transnistria", "MDA", ["Pridnestrovie", "Pridnestrovian Moldavian Republic"], ["Transnistrian", "Transnistrians"], 46.8403, 29.6433),
    ("donetsk-peoples-republic", "Donetsk People's Republic", "UKR", ["DPR", "DNR", "self-proclaimed Donetsk People's Republic"], [], 48.0159, 37.8028),
    ("luhansk-peoples-republic", "Luhansk People's Republic", "UKR", ["LPR", "LNR", "Lugansk People's Republic"], [], 48.5740, 39.3078),
    ("nagorno-karabakh", "Nagorno-Karabakh", "AZE", ["Republic of Artsakh", "Artsakh", "Karabakh"], [], 39.8153, 46.7519),
    ("somaliland", "Somaliland", "SOM", ["Republic of Somaliland"], ["Somalilander", "Somalilanders"], 9.5600, 44.0650),
    ("northern-cyprus", "Northern Cyprus", "CYP", ["Turkish Republic of Northern Cyprus", "TRNC", "North Cyprus"], ["North Cypriot", "Turkish Cypriot", "Turkish Cypriots"], 35.1856, 33.3823),
]

# Wikidata items (only those checked by hand).
WIKIDATA = {
    "USA": "Q30", "COL": "Q739", "VEN": "Q717", "MEX": "Q96", "BRA": "Q155", "CUB": "Q241", "ECU": "Q736",
    "GBR": "Q145", "FRA": "Q142", "DEU": "Q183", "RUS": "Q159", "CHN": "Q148", "JPN": "Q17", "IND": "Q668",
    "IRN": "Q794", "ISR": "Q801", "UKR": "Q212", "CAN": "Q16", "AUS": "Q408", "ITA": "Q38", "ESP": "Q29",
    "ARG": "Q414", "CHL": "Q298", "PER": "Q419", "BOL": "Q750", "URY": "Q77", "PRY": "Q733",
    "KOR": "Q884", "PRK": "Q423", "SYR": "Q858", "IRQ": "Q796", "TUR": "Q43", "EGY": "Q79", "SAU": "Q851",
    "IDN": "Q252", "ZAF": "Q258", "NGA": "Q1033", "PAK": "Q843", "AFG": "Q889", "NLD": "Q55",
    "POL": "Q36", "SWE": "Q34", "NOR": "Q20", "FIN": "Q33", "DNK": "Q35", "CHE": "Q39", "PRT": "Q45",
    "GRC": "Q41", "HTI": "Q790", "NZL": "Q664",
}


def read_cameo() -> dict[str, list[tuple[str, str]]]:
    """CAMEO code -> [(name, code)] from cameo-countrynames.txt, keyed by the first 3 letters."""
    out: dict[str, list[tuple[str, str]]] = {}
    with open(REF / "cameo-countrynames.txt", encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or parts[1] in ("---", ""):
                continue
            out.setdefault(parts[1], []).append((parts[0].strip(), parts[1]))
    return out


def read_demonym_csv() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(REF / "country-demonyms.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            tokens = [t.strip() for t in row["Nationality"].split(",") if t.strip()]
            out.setdefault(row["CCA3"], []).extend(tokens)
    return out


def pycountry_names(country) -> list[str]:
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value or "Province of China" in value:
            continue
        if value.startswith("the "):
            value = value[4:]
        if ", " in value:
            head, _, tail = value.partition(", ")
            if tail.lower() in ("the democratic republic of the", ):
                value = "Democratic Republic of the " + head
            elif tail.startswith(("Republic of", "Islamic Republic", "Democratic People", "United Republic",
                                  "Bolivarian", "Plurinational", "Federated States", "State of")):
                value = f"{tail} {head}"
            elif head == "Virgin Islands":
                value = {"British": "British Virgin Islands", "U.S.": "U.S. Virgin Islands"}.get(tail, value)
            elif tail.startswith(("Sint Eustatius", "Ascension")):
                pass  # genuine comma in the name
            else:
                continue
        names.append(value)
    return names


def uniq(values):
    seen, out = set(), []
    for v in values:
        v = " ".join(v.split())
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def main() -> int:
    cameo = read_cameo()
    csv_tokens = read_demonym_csv()
    countries = {c.alpha_3: c for c in pycountry.countries}

    sovereign = set(CAPITALS)
    entries_sov, entries_terr = [], []
    terr_names: dict[str, list[str]] = {}
    terr_demonyms: dict[str, list[str]] = {}
    for parent_tokens in csv_tokens.values():
        for tok in parent_tokens:
            if tok in TERRITORY_TOKENS:
                iso = TERRITORY_TOKENS[tok]
                (terr_demonyms if tok in TERRITORY_DEMONYMS else terr_names).setdefault(iso, []).append(tok)
    territory_names = {n for names in terr_names.values() for n in names}
    territory_names |= {n for iso in PARENT for n in pycountry_names(countries[iso])}
    territory_names |= {"Jersey", "Mayotte", "Saint Barthelemy", "Isle Of Man", "Gaza"}

    xkx = type("Kosovo", (), {"alpha_3": "XKX", "alpha_2": "XK", "name": "Kosovo"})()
    all_codes = sorted(set(countries) | {"XKX"})
    for iso3 in all_codes:
        c = countries.get(iso3, xkx)
        names = pycountry_names(c) if iso3 in countries else ["Kosovo"]
        cameo_names = [n for n, _ in cameo.get(iso3, []) if ", " not in n]
        parent = PARENT.get(iso3)
        cameo_code = None
        for code, rows in cameo.items():
            if code == iso3 or (len(code) == 6 and code[3:] == iso3):
                cameo_code = code
                cameo_names += [n for n, _ in rows if ", " not in n]
        if iso3 == "TLS":
            cameo_code, cameo_names = "TMP", cameo_names + [n for n, _ in cameo.get("TMP", [])]
        if iso3 == "XKX":
            cameo_code, cameo_names = "KSV", cameo_names + [n for n, _ in cameo.get("KSV", [])]
        # cameo-countrynames.txt rows whose name matches this territory (e.g. Jersey listed as GBR)
        for code, rows in cameo.items():
            for n, _ in rows:
                if n in names and code != cameo_code and n not in cameo_names:
                    cameo_names.append(n)

        tokens = csv_tokens.get(iso3, []) if iso3 not in PARENT else []
        if iso3 not in PARENT:
            cameo_names = [n for n in cameo_names if n not in territory_names]
        aliases = names + cameo_names + EXTRA_ALIASES.get(iso3, []) + terr_names.get(iso3, [])
        demonyms = []
        for tok in tokens:
            if tok in DROP_TOKENS or tok in TERRITORY_TOKENS:
                continue
            if tok in NAME_TOKENS or tok in aliases:
                aliases.append(tok)
            else:
                demonyms.append(tok)
        demonyms += EXTRA_DEMONYMS.get(iso3, []) + terr_demonyms.get(iso3, [])

        name = CANONICAL.get(iso3) or getattr(c, "common_name", None) or c.name
        aliases = [a for a in uniq(aliases) if a != name and a not in DROP_ALIASES
                   and "Province of China" not in a and a != "the former Yugoslav Republic of Macedonia"]
        demonyms = [d for d in uniq(demonyms) if d not in aliases and d != name
                    and d not in DROP_DEMONYMS.get(iso3, ())]

        if iso3 in PARENT:
            country_code, code = parent, parent + iso3
        else:
            country_code = code = iso3
        entry = {
            "id": f"country/{iso3}",
            "type": "country",
            "name": name,
            "aliases": aliases,
            "demonyms": demonyms,
            "country": country_code,
            "code": code,
            "iso2": getattr(c, "alpha_2", None),
            "iso3": iso3,
        }
        if cameo_code and cameo_code != code:
            entry["cameo_code"] = cameo_code
        if iso3 in PARENT:
            entry["parent"] = parent
        if iso3 in WIKIDATA:
            entry["wikidata"] = WIKIDATA[iso3]
        if iso3 in CAPITALS:
            cap_name, cap_aliases, lat, lon = CAPITALS[iso3]
            all_names = {name, *aliases}
            if cap_name in all_names:  # city-state: the name is the country's; keep coordinates only
                entry["lat"], entry["lon"] = lat, lon
            else:
                cap = FlowDict(name=cap_name)
                cap_aliases = [a for a in cap_aliases if a not in all_names]
                if cap_aliases:
                    cap["aliases"] = cap_aliases
                cap.update(lat=lat, lon=lon)
                entry["capital"] = cap
        (entries_sov if iso3 in sovereign else entries_terr).append(entry)

    missing = sorted(iso for iso in countries if iso not in CAPITALS and iso not in PARENT
                     and iso not in OWN_CODE_TERRITORIES)
    if missing:
        print("no capital and no parent:", missing, file=sys.stderr)
        return 1

    entries_pre = []
    for slug, name, cc, aliases, demonyms, lat, lon in PRE_ENTITIES:
        entries_pre.append({"id": f"country/{slug}", "type": "country", "name": name, "aliases": aliases,
                            "demonyms": demonyms, "country": cc, "sector": "PRE", "code": cc + "PRE",
                            "lat": lat, "lon": lon})
    entries_reg = []
    for code, name, aliases, demonyms in REGIONS:
        entries_reg.append({"id": f"country/{code}", "type": "country", "name": name, "aliases": aliases,
                            "demonyms": demonyms, "country": code, "code": code, "region": True})

    header = HEADER.format(n_sov=len(entries_sov), n_terr=len(entries_terr), n_pre=len(entries_pre),
                           n_reg=len(entries_reg))
    parts = [header]
    for title, block in (("Sovereign states (with capital: a metonym for the government, code <country>GOV)", entries_sov),
                         ("Dependent territories (folded into the controlling state: country = parent)", entries_terr),
                         ("Partially recognised entities (PLOVER: claimed state + sector PRE)", entries_pre),
                         ("Regions (CAMEO regional codes)", entries_reg)):
        parts.append(f"\n# ===== {title} =====\n")
        parts.append(dump(block))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(parts), encoding="utf-8")
    print(f"wrote {OUT}: {len(entries_sov)} states, {len(entries_terr)} territories, "
          f"{len(entries_pre)} partially recognised, {len(entries_reg)} regions")
    return 0


class _Dumper(yaml.SafeDumper):
    pass


class FlowDict(dict):
    """A mapping written on one line ({name: ..., lat: ...})."""


def _flow_dict(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


_Dumper.add_representer(FlowDict, _flow_dict)


def _list_flow(dumper, data):
    flow = all(isinstance(x, (str, int, float)) for x in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _list_flow)


def dump(block) -> str:
    block = [{k: v for k, v in e.items() if v not in ([], None)} for e in block]
    text = yaml.dump(block, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=140)
    # a blank line between entries for readability
    return text.replace("\n- id:", "\n\n- id:")


HEADER = """\
# countries.yaml - every ISO 3166-1 country and territory, partially recognised entities and CAMEO regions.
#
# GENERATED by tools/kb/build_countries.py - edit the tables in that script and rerun it, or
# override entries in a user actor file (same id).
#
# Sources (facts only):
#   * pycountry (ISO 3166-1): codes, short, official and common names;
#   * country-demonyms.csv from NGEC (MIT): nationality adjectives and plurals;
#   * cameo-countrynames.txt from text_to_CAMEO (MIT): name variants and CAMEO country codes;
#   * CAMEO regional codes as used in the PETRARCH-2 Phoenix dictionaries (MIT);
#   * capitals and their coordinates: public record (hand-written table in the build script).
#
# Fields: id, type (country), name, aliases, demonyms, country (= the code used as a country
#   prefix), code (CAMEO country code), iso2/iso3, cameo_code (only where CAMEO differs from the
#   code used here: Timor-Leste TMP, Kosovo KSV), parent (territories), wikidata (some), capital
#   {{name, aliases, lat, lon}} (sovereign states; the loader adds it as a place coded <code>GOV).
# Codes: sovereign states use ISO alpha-3 (= CAMEO, except Timor-Leste TLS and Kosovo XKX, chosen
#   for consistency with the ISO codes of the gazetteer). Territories fold into their controlling
#   state (country = parent, code = parent + ISO3, e.g. USAPRI), except HKG, ATA and ESH.
#   Partially recognised entities carry the claimed state's code + PRE (PLOVER). Regions carry
#   CAMEO regional codes (EUR Europe, AFR, ASA, MEA Middle East, LAM Latin America, WST the West ...).
# Counts: {n_sov} sovereign states (incl. Kosovo, Palestine, Taiwan, Vatican), {n_terr} territories,
#   {n_pre} partially recognised entities, {n_reg} regions.
"""

if __name__ == "__main__":
    sys.exit(main())
