"""Story paragraphs in four languages shared by the tests, and ``page()`` to join blocks."""

STORY = [
    "The city council voted on Tuesday to expand the harbour, a project that has divided residents "
    "for more than a decade and that officials say will create hundreds of jobs.",
    "Supporters of the plan argue that the port has been losing traffic to its neighbours and that "
    "the expansion is the only way to keep the shipping companies in town.",
    "Opponents, including several environmental groups, said the new quay would destroy one of the "
    "last wetlands on the coast and that the council had ignored their objections.",
    "The mayor said the work would begin next spring and would take about four years, with the first "
    "ships expected to dock at the new terminal before the end of the decade.",
]
DE_STORY = [
    "Der Stadtrat hat am Dienstag beschlossen, den Hafen auszubauen, ein Projekt, das die Bewohner "
    "seit mehr als zehn Jahren spaltet und das nach Angaben der Stadt Hunderte Arbeitsplätze schaffen soll.",
    "Die Befürworter des Plans argumentieren, dass der Hafen seit Jahren Verkehr an die Nachbarn "
    "verliert und dass der Ausbau der einzige Weg ist, die Reedereien in der Stadt zu halten.",
    "Gegner, darunter mehrere Umweltverbände, sagten, der neue Kai würde eines der letzten "
    "Feuchtgebiete an der Küste zerstören und der Rat habe ihre Einwände ignoriert.",
]
FR_STORY = [
    "Le conseil municipal a voté mardi l'agrandissement du port, un projet qui divise les habitants "
    "depuis plus de dix ans et qui, selon la mairie, doit créer des centaines d'emplois.",
    "Les partisans du projet affirment que le port perd du trafic au profit de ses voisins et que "
    "l'agrandissement est le seul moyen de garder les compagnies maritimes dans la ville.",
    "Les opposants, dont plusieurs associations écologistes, ont déclaré que le nouveau quai détruirait "
    "l'une des dernières zones humides de la côte et que le conseil avait ignoré leurs objections.",
]
ES_STORY = [
    "El ayuntamiento aprobó el martes la ampliación del puerto, un proyecto que divide a los vecinos "
    "desde hace más de una década y que, según el alcalde, creará cientos de empleos.",
    "Los defensores del plan sostienen que el puerto ha perdido tráfico frente a sus vecinos y que la "
    "ampliación es la única manera de mantener a las navieras en la ciudad.",
    "Los opositores, entre ellos varias organizaciones ecologistas, dijeron que el nuevo muelle destruiría "
    "uno de los últimos humedales de la costa y que el ayuntamiento había ignorado sus objeciones.",
]


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)
