"""Every zoo layout builder, by layout name (the names of ``evals/zoo/split.json``)."""

from __future__ import annotations

from collections.abc import Callable

from evals.zoo.layouts import (
    bands,
    cards,
    cells,
    criteria,
    crossrefs,
    fiches,
    followup,
    grouped,
    hierarchy,
    merges,
    outline,
    placement,
    plain,
    quarters,
    references,
    steering,
    tabs,
    timelines,
)
from evals.zoo.model import Layout

LAYOUTS: dict[str, Callable[[], Layout]] = {
    "criteres-et-recommandations": references.criteres_et_recommandations,
    "axes-objectifs-actions": hierarchy.axes_objectifs_actions,
    "fiches-action-tableaux": fiches.fiches_action_tableaux,
    "items-numerotes-par-instance": timelines.items_numerotes_par_instance,
    "gantt-periodes": timelines.gantt_periodes,
    "paysage-fusions-verticales": merges.paysage_fusions_verticales,
    "sans-statut-ni-priorite": plain.sans_statut_ni_priorite,
    "porteurs-et-instances": plain.porteurs_et_instances,
    "recommandations-citees": placement.recommandations_citees,
    "contacts-et-budget": plain.contacts_et_budget,
    "colonnes-tabulees": tabs.colonnes_tabulees,
    "puces-dans-cellules": cells.puces_dans_cellules,
    "statuts-point-etape": cells.statuts_point_etape,
    "echeances-et-priorites": cells.echeances_et_priorites,
    "matrice-pilotage": steering.matrice_pilotage,
    "fiches-action-paragraphes": fiches.fiches_action_paragraphes,
    "liste-multiniveau": hierarchy.liste_multiniveau,
    "calendrier-apres-plan": followup.calendrier_apres_plan,
    "recommandation-texte-fusionnee": criteria.recommandation_texte_fusionnee,
    "recommandations-en-bandeau": placement.recommandations_en_bandeau,
    "entete-deux-niveaux": merges.entete_deux_niveaux,
    "tableaux-par-critere": criteria.tableaux_par_critere,
    "plan-puis-chronogramme": quarters.plan_puis_chronogramme,
    "fiches-porteur-calendrier": cards.fiches_porteur_calendrier,
    "numerotation-axes-objectifs": outline.numerotation_axes_objectifs,
    "criteres-recommandations-commentaires": crossrefs.criteres_recommandations_commentaires,
    "recommandations-lignes-pleine-largeur": bands.recommandations_lignes_pleine_largeur,
    "paysage-entete-groupee": grouped.paysage_entete_groupee,
}
