/* pamong-indicators-page.c — the Indikator workspace: the SPBE self-evaluation
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "pamong-assessment.h"
#include "pamong-format.h"
#include "pamong-framework.h"
#include "pamong-gui-util.h"
#include "pamong-indicator-score.h"
#include "pamong-indicators-page.h"
#include "pamong-labels.h"
#include "pamong-spbe-index.h"
#include "pamong-store.h"
#include "pamong-workspace-page.h"

/* One row per indicator of the framework, built once; an assessment only
 * changes what the rows say. */
typedef struct
{
  AdwActionRow *row;
  GtkLabel     *level_label;
  char         *search_name;   /* casefolded name */
  char         *number;
} IndicatorRow;

struct _PamongIndicatorsPage
{
  PamongWorkspacePage   parent_instance;

  PamongFramework      *framework;

  IndicatorRow         *rows;         /* by indicator position */
  guint                 n_rows;
  GtkWidget           **aspect_groups;
  GtkWidget           **domain_headings;
  GtkLabel            **domain_index_labels;

  GPtrArray            *assessments;  /* PamongAssessment, as in year_list */
  gboolean              updating_years;
  int                   wanted_year;  /* the "year" property: 0 = the newest */
  PamongAssessment     *assessment;
  PamongIndicatorScore **scores;      /* by indicator position, may be NULL */
  guint                *levels;       /* by indicator position, 0 = not scored */
  PamongIndexResult    *result;
  int                   shown;        /* position in the detail pane, or -1 */

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  AdwActionRow         *year_row;
  GtkDropDown          *year_dropdown;
  GtkStringList        *year_list;
  GtkLabel             *summary_caption;
  GtkLabel             *index_label;
  GtkLabel             *predikat_label;
  GtkLabel             *predikat_gloss_label;
  GtkLabel             *provisional_label;
  GtkGrid              *domains_grid;
  GtkBox               *groups_box;
  GtkWidget            *no_results_page;
  GtkWidget            *back_button;
  GtkStack             *detail_stack;
  GtkLabel             *detail_number_label;
  GtkLabel             *detail_title_label;
  AdwActionRow         *level_row;
  AdwActionRow         *criteria_row;
  AdwActionRow         *justification_row;
  AdwActionRow         *score_status_row;
  AdwActionRow         *assessor_row;
  AdwActionRow         *domain_row;
  AdwActionRow         *aspect_row;
  AdwActionRow         *weight_row;
  AdwActionRow         *scale_row;
};

G_DEFINE_FINAL_TYPE (PamongIndicatorsPage, pamong_indicators_page, PAMONG_TYPE_WORKSPACE_PAGE)

enum {
  PROP_0,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text */

static char *
domain_text (const PamongFwDomain *domain)
{
  /* Translators: a domain of the SPBE framework, e.g. "Domain 1 · Kebijakan
   * Internal SPBE"; the name stays in Indonesian */
  return g_strdup_printf (_("Domain %u · %s"), domain->number, domain->name);
}

static char *
aspect_text (const PamongFwAspect *aspect)
{
  /* Translators: an aspect of the SPBE framework, e.g. "Aspect 2 ·
   * Perencanaan Strategis SPBE"; the name stays in Indonesian */
  return g_strdup_printf (_("Aspect %u · %s"), aspect->number, aspect->name);
}

static char *
level_text (PamongIndicatorsPage    *self,
            const PamongFwIndicator *indicator,
            guint                    level)
{
  const PamongFwLevel *fw_level;

  if (level == 0)
    return g_strdup (_("Not scored yet"));

  fw_level = pamong_framework_get_indicator_level (self->framework, indicator, level);
  if (fw_level == NULL)
    /* Translators: an indicator's level (tingkat), e.g. "Level 3" */
    return g_strdup_printf (_("Level %u"), level);

  /* Translators: an indicator's level and the level's name from the
   * regulation, e.g. "Level 3 · Terdefinisi" */
  return g_strdup_printf (_("Level %u · %s"), level, fw_level->name);
}

static char *
format_index_value (const PamongIndexValue *value)
{
  if (value == NULL || value->n_scored == 0)
    return g_strdup ("–");
  return pamong_format_index (value->cents / 100.0);
}

/* Building the rows, once per framework */

static void
row_activated_cb (AdwActionRow         *row,
                  PamongIndicatorsPage *self);

static void
build_rows (PamongIndicatorsPage *self)
{
  PamongFramework *fw = self->framework;
  guint n_domains = pamong_framework_get_n_domains (fw);
  guint n_aspects = pamong_framework_get_n_aspects (fw);
  gboolean english = pamong_gui_ui_is_english ();

  self->n_rows = pamong_framework_get_n_indicators (fw);
  self->rows = g_new0 (IndicatorRow, self->n_rows);
  self->aspect_groups = g_new0 (GtkWidget *, n_aspects);
  self->domain_headings = g_new0 (GtkWidget *, n_domains);
  self->domain_index_labels = g_new0 (GtkLabel *, n_domains);
  self->scores = g_new0 (PamongIndicatorScore *, self->n_rows);
  self->levels = g_new0 (guint, self->n_rows);

  for (guint d = 0; d < n_domains; d++)
    {
      const PamongFwDomain *domain = pamong_framework_get_domain (fw, d);
      g_autofree char *heading = domain_text (domain);
      GtkWidget *box;
      GtkWidget *label;

      /* The summary card: one figure per domain. */
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      label = gtk_label_new (domain->name);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      label = gtk_label_new ("–");
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "pamong-domain-index");
      gtk_box_append (GTK_BOX (box), label);
      self->domain_index_labels[d] = GTK_LABEL (label);
      gtk_grid_attach (self->domains_grid, box, (int) (d % 2), (int) (d / 2), 1, 1);

      /* The list: a heading per domain, a group per aspect. */
      label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "title-3");
      if (english && domain->gloss != NULL)
        gtk_widget_set_tooltip_text (label, domain->gloss);
      gtk_box_append (self->groups_box, label);
      self->domain_headings[d] = label;

      for (guint a = domain->first_aspect; a < domain->first_aspect + domain->n_aspects; a++)
        {
          const PamongFwAspect *aspect = pamong_framework_get_aspect (fw, a);
          g_autofree char *title = aspect_text (aspect);
          GtkWidget *group = adw_preferences_group_new ();

          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          if (english && aspect->gloss != NULL)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), aspect->gloss);
          gtk_box_append (self->groups_box, group);
          self->aspect_groups[a] = group;

          for (guint i = aspect->first_indicator; i < aspect->first_indicator + aspect->n_indicators; i++)
            {
              const PamongFwIndicator *indicator = pamong_framework_get_indicator (fw, i);
              IndicatorRow *row = &self->rows[i];
              g_autofree char *number = g_strdup_printf ("%u", indicator->number);
              GtkWidget *prefix;
              GtkWidget *suffix;

              row->row = ADW_ACTION_ROW (adw_action_row_new ());
              row->number = g_strdup (number);
              row->search_name = g_utf8_casefold (indicator->name, -1);
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), indicator->name);
              adw_action_row_set_title_lines (row->row, 0);
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), TRUE);
              g_object_set_data (G_OBJECT (row->row), "pamong-position", GUINT_TO_POINTER (i));

              prefix = gtk_label_new (number);
              gtk_label_set_width_chars (GTK_LABEL (prefix), 2);
              gtk_label_set_xalign (GTK_LABEL (prefix), 1.0f);
              gtk_widget_add_css_class (prefix, "dim-label");
              gtk_widget_add_css_class (prefix, "numeric");
              adw_action_row_add_prefix (row->row, prefix);

              suffix = gtk_label_new ("–");
              gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
              gtk_widget_add_css_class (suffix, "pamong-level");
              adw_action_row_add_suffix (row->row, suffix);
              row->level_label = GTK_LABEL (suffix);

              g_signal_connect_object (row->row, "activated",
                                       G_CALLBACK (row_activated_cb), self, 0);
              adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row->row));
            }
        }
    }
}

/* Details */

static void
show_indicator (PamongIndicatorsPage *self,
                int                   position)
{
  const PamongFwIndicator *indicator;
  const PamongFwAspect *aspect;
  const PamongFwDomain *domain;
  const PamongFwScale *scale;
  const PamongFwLevel *level;
  PamongIndicatorScore *score;
  g_autofree char *number = NULL;
  g_autofree char *weight = NULL;

  self->shown = position;
  if (position < 0 || (guint) position >= self->n_rows)
    {
      self->shown = -1;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  indicator = pamong_framework_get_indicator (self->framework, position);
  aspect = pamong_framework_get_aspect (self->framework, indicator->aspect_index);
  domain = pamong_framework_get_domain (self->framework, indicator->domain_index);
  scale = pamong_framework_get_indicator_scale (self->framework, indicator);
  level = self->levels[position] > 0 ?
          pamong_framework_get_indicator_level (self->framework, indicator, self->levels[position]) :
          NULL;
  score = self->scores[position];

  /* Translators: e.g. "Indicator 11" */
  number = g_strdup_printf (_("Indicator %u"), indicator->number);
  gtk_label_set_text (self->detail_number_label, number);
  gtk_label_set_text (self->detail_title_label, indicator->name);

  pamong_gui_row_take_value (self->level_row, level_text (self, indicator, self->levels[position]));
  pamong_gui_row_set_value (self->criteria_row, level != NULL ? level->criteria : NULL);
  pamong_gui_row_set_value (self->justification_row,
                            score != NULL ? pamong_indicator_score_get_justification (score) : NULL);
  pamong_gui_row_set_value (self->score_status_row,
                            score != NULL ?
                            pamong_label_review_status (pamong_indicator_score_get_status (score)) :
                            NULL);
  pamong_gui_row_set_value (self->assessor_row,
                            score != NULL ? pamong_indicator_score_get_assessor (score) : NULL);

  pamong_gui_row_take_value (self->domain_row, domain_text (domain));
  pamong_gui_row_take_value (self->aspect_row, aspect_text (aspect));
  {
    g_autofree char *percent = pamong_format_decimal (indicator->weight, 2);

    /* Translators: a weight in percent, e.g. "1.30 %" */
    weight = g_strdup_printf (_("%s %%"), percent);
  }
  pamong_gui_row_set_value (self->weight_row, weight);
  if (scale != NULL && pamong_gui_ui_is_english () && scale->gloss != NULL)
    pamong_gui_row_take_value (self->scale_row, g_strdup_printf ("%s (%s)", scale->name, scale->gloss));
  else
    pamong_gui_row_set_value (self->scale_row, scale != NULL ? scale->name : NULL);

  gtk_stack_set_visible_child_name (self->detail_stack, "details");
}

static void
row_activated_cb (AdwActionRow         *row,
                  PamongIndicatorsPage *self)
{
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "pamong-position"));

  show_indicator (self, (int) position);
  pamong_workspace_page_show_details (PAMONG_WORKSPACE_PAGE (self));
}

/* Search */

static gboolean
row_matches (IndicatorRow *row,
             const char   *folded)
{
  if (folded == NULL || *folded == '\0')
    return TRUE;
  return g_str_equal (row->number, folded) || strstr (row->search_name, folded) != NULL;
}

static void
apply_filter (PamongIndicatorsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = g_utf8_casefold (stripped, -1);
  guint n_visible = 0;

  if (self->framework == NULL)
    return;

  for (guint d = 0; d < pamong_framework_get_n_domains (self->framework); d++)
    {
      const PamongFwDomain *domain = pamong_framework_get_domain (self->framework, d);
      gboolean domain_visible = FALSE;

      for (guint a = domain->first_aspect; a < domain->first_aspect + domain->n_aspects; a++)
        {
          const PamongFwAspect *aspect = pamong_framework_get_aspect (self->framework, a);
          gboolean aspect_visible = FALSE;

          for (guint i = aspect->first_indicator; i < aspect->first_indicator + aspect->n_indicators; i++)
            {
              gboolean visible = row_matches (&self->rows[i], folded);

              gtk_widget_set_visible (GTK_WIDGET (self->rows[i].row), visible);
              aspect_visible |= visible;
              n_visible += visible;
            }
          gtk_widget_set_visible (self->aspect_groups[a], aspect_visible);
          domain_visible |= aspect_visible;
        }
      gtk_widget_set_visible (self->domain_headings[d], domain_visible);
    }

  gtk_widget_set_visible (self->no_results_page, n_visible == 0);
}

/* The assessment */

static void
clear_scores (PamongIndicatorsPage *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_clear_object (&self->scores[i]);
      self->levels[i] = 0;
    }
  g_clear_pointer (&self->result, pamong_index_result_unref);
}

static void
update_summary (PamongIndicatorsPage *self)
{
  const PamongIndexValue *overall;
  const PamongFwBand *band;
  g_autofree char *caption = NULL;
  g_autofree char *index = NULL;

  caption = g_strdup_printf (_("SPBE index %d"), pamong_assessment_get_year (self->assessment));
  gtk_label_set_text (self->summary_caption, caption);

  overall = self->result != NULL ? pamong_index_result_get_overall (self->result) : NULL;
  index = format_index_value (overall);
  gtk_label_set_text (self->index_label, index);

  band = overall != NULL && overall->n_scored > 0 ? pamong_index_result_get_predikat (self->result) : NULL;
  gtk_label_set_text (self->predikat_label, band != NULL ? band->name : _("No predikat yet"));
  gtk_label_set_text (self->predikat_gloss_label,
                      band != NULL && band->gloss != NULL && pamong_gui_ui_is_english () ?
                      band->gloss : "");
  gtk_widget_set_visible (GTK_WIDGET (self->predikat_gloss_label),
                          *gtk_label_get_text (self->predikat_gloss_label) != '\0');

  if (overall != NULL && !pamong_index_value_is_complete (overall))
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Provisional: %u of %u indicator scored",
                                           "Provisional: %u of %u indicators scored",
                                           overall->n_indicators),
                              overall->n_scored, overall->n_indicators);
      gtk_label_set_text (self->provisional_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->provisional_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->provisional_label), FALSE);

  for (guint d = 0; d < pamong_framework_get_n_domains (self->framework); d++)
    {
      g_autofree char *text = NULL;

      text = format_index_value (self->result != NULL ?
                                 pamong_index_result_get_domain (self->result, d) : NULL);
      gtk_label_set_text (self->domain_index_labels[d], text);
    }
}

static void
update_year_row (PamongIndicatorsPage *self)
{
  const char *title = pamong_assessment_get_title (self->assessment);
  const char *status = pamong_label_review_status (pamong_assessment_get_status (self->assessment));

  if (title != NULL && *title != '\0')
    {
      /* Translators: an assessment's title and its review status, e.g.
       * "Evaluasi Mandiri SPBE 2023 — Final" */
      g_autofree char *subtitle = g_strdup_printf (_("%s — %s"), title, status);

      adw_action_row_set_subtitle (self->year_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->year_row, status);
}

static void
load_scores (PamongIndicatorsPage *self)
{
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  clear_scores (self);

  query = pamong_query_new (PAMONG_TYPE_INDICATOR_SCORE);
  pamong_query_add_filter_string (query, "assessment",
                                  pamong_record_get_uuid (PAMONG_RECORD (self->assessment)));
  model = pamong_store_query (pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self)),
                              query, &error);
  if (model == NULL)
    {
      g_warning ("Could not read the indicator scores: %s", error->message);
      n = 0;
    }
  else
    n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PamongIndicatorScore) score = g_list_model_get_item (model, i);
      const PamongFwIndicator *indicator;
      gint position;
      gint level;

      if (score == NULL)
        continue;
      position = pamong_framework_get_indicator_position (self->framework,
                                                          pamong_indicator_score_get_indicator (score));
      if (position < 0)
        continue;
      indicator = pamong_framework_get_indicator (self->framework, position);
      level = pamong_indicator_score_get_level (score);

      g_set_object (&self->scores[position], score);
      /* A level its scale does not have counts as not scored. */
      if (level > 0 && pamong_framework_get_indicator_level (self->framework, indicator, level) != NULL)
        self->levels[position] = level;
    }

  self->result = pamong_spbe_index_compute (self->framework, self->levels, self->n_rows);

  for (guint i = 0; i < self->n_rows; i++)
    {
      const PamongFwIndicator *indicator = pamong_framework_get_indicator (self->framework, i);
      g_autofree char *subtitle = level_text (self, indicator, self->levels[i]);
      g_autofree char *level = NULL;

      adw_action_row_set_subtitle (self->rows[i].row, subtitle);
      level = self->levels[i] > 0 ? g_strdup_printf ("%u", self->levels[i]) : g_strdup ("–");
      gtk_label_set_text (self->rows[i].level_label, level);
      if (self->levels[i] > 0)
        gtk_widget_remove_css_class (GTK_WIDGET (self->rows[i].level_label), "unscored");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->rows[i].level_label), "unscored");
    }

  update_summary (self);
  update_year_row (self);
  show_indicator (self, self->shown);
}

static void
show_assessment (PamongIndicatorsPage *self,
                 PamongAssessment     *assessment)
{
  const char *framework_id;

  g_set_object (&self->assessment, assessment);

  if (assessment == NULL || self->framework == NULL)
    {
      clear_scores (self);
      show_indicator (self, -1);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  framework_id = pamong_assessment_get_framework (assessment);
  if (g_strcmp0 (framework_id, pamong_framework_get_id (self->framework)) != 0)
    {
      g_autofree char *description = NULL;

      description = g_strdup_printf (_("The %d assessment uses the evaluation framework “%s”, "
                                       "which this version of Pamong does not know."),
                                     pamong_assessment_get_year (assessment), framework_id);
      adw_status_page_set_description (self->empty_page, description);
      adw_status_page_set_title (self->empty_page, _("Unknown Framework"));
      clear_scores (self);
      show_indicator (self, -1);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      /* Keep the year selector reachable. */
      return;
    }

  load_scores (self);
  gtk_stack_set_visible_child_name (self->main_stack, "assessment");
}

static void
year_selected_cb (PamongIndicatorsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating_years)
    return;

  self->shown = -1;
  if (self->assessments != NULL && selected < self->assessments->len)
    show_assessment (self, g_ptr_array_index (self->assessments, selected));
  else
    show_assessment (self, NULL);

  /* Remember the year a person picked, so the next start shows it too. */
  if (self->assessment != NULL &&
      self->wanted_year != pamong_assessment_get_year (self->assessment))
    {
      self->wanted_year = pamong_assessment_get_year (self->assessment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

static void
load_assessments (PamongIndicatorsPage *self)
{
  PamongStore *store = pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
  g_autoptr(PamongQuery) query = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  int keep_year = self->assessment != NULL ? pamong_assessment_get_year (self->assessment)
                                           : self->wanted_year;
  guint selected = 0;
  guint n = 0;

  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  self->assessments = g_ptr_array_new_with_free_func (g_object_unref);

  if (store != NULL)
    {
      query = pamong_query_new (PAMONG_TYPE_ASSESSMENT);
      pamong_query_set_sort (query, "year", TRUE);
      model = pamong_store_query (store, query, &error);
      if (model == NULL)
        g_warning ("Could not read the assessments: %s", error->message);
      else
        n = g_list_model_get_n_items (model);
    }

  for (guint i = 0; i < n; i++)
    {
      PamongAssessment *assessment = g_list_model_get_item (model, i);

      if (assessment == NULL)
        continue;
      if (pamong_assessment_get_year (assessment) == keep_year)
        selected = self->assessments->len;
      g_ptr_array_add (years, g_strdup_printf ("%d", pamong_assessment_get_year (assessment)));
      g_ptr_array_add (self->assessments, assessment);
    }
  g_ptr_array_add (years, NULL);

  self->updating_years = TRUE;
  gtk_string_list_splice (self->year_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->year_list)),
                          (const char * const *) years->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->updating_years = FALSE;

  adw_status_page_set_title (self->empty_page, _("No Assessments Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("A year’s SPBE self-evaluation appears here once its assessment "
                                     "is created or synchronised from the server."));
  year_selected_cb (self);
}

/* PamongWorkspacePage */

static void
pamong_indicators_page_reload (PamongWorkspacePage *page)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (page);

  g_clear_object (&self->assessment);
  self->shown = -1;
  load_assessments (self);
}

static void
pamong_indicators_page_store_changed (PamongWorkspacePage *page,
                                      const char          *collection)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (page);

  if (g_strcmp0 (collection, "assessments") == 0)
    load_assessments (self);
  else if (g_strcmp0 (collection, "indicator_scores") == 0 && self->assessment != NULL &&
           self->framework != NULL)
    load_scores (self);
}

static void
pamong_indicators_page_search_changed (PamongWorkspacePage *page)
{
  apply_filter (PAMONG_INDICATORS_PAGE (page));
}

/* Public */

/**
 * pamong_indicators_page_select_year:
 *
 * Shows the assessment of @year.
 *
 * Returns: %FALSE if the store has no assessment for @year
 */
gboolean
pamong_indicators_page_select_year (PamongIndicatorsPage *self,
                                    int                   year)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), FALSE);

  for (guint i = 0; self->assessments != NULL && i < self->assessments->len; i++)
    if (pamong_assessment_get_year (g_ptr_array_index (self->assessments, i)) == year)
      {
        gtk_drop_down_set_selected (self->year_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

/**
 * pamong_indicators_page_set_wanted_year:
 * @self: a #PamongIndicatorsPage
 * @year: the year to show, or 0 for the newest
 *
 * Shows the assessment of @year when the store has one, now or once it
 * arrives; this is the "year" property.
 */
void
pamong_indicators_page_set_wanted_year (PamongIndicatorsPage *self,
                                        int                   year)
{
  g_return_if_fail (PAMONG_IS_INDICATORS_PAGE (self));

  if (self->wanted_year == year)
    return;

  self->wanted_year = year;
  if (year != 0)
    pamong_indicators_page_select_year (self, year);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

int
pamong_indicators_page_get_year (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), 0);

  return self->assessment != NULL ? pamong_assessment_get_year (self->assessment) : 0;
}

const char *
pamong_indicators_page_get_index_text (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  return gtk_label_get_text (self->index_label);
}

const char *
pamong_indicators_page_get_predikat_text (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  return gtk_label_get_text (self->predikat_label);
}

static IndicatorRow *
nth_visible_row (PamongIndicatorsPage *self,
                 guint                 nth)
{
  for (guint i = 0; i < self->n_rows; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (self->rows[i].row)) && nth-- == 0)
      return &self->rows[i];
  return NULL;
}

guint
pamong_indicators_page_get_n_visible_rows (PamongIndicatorsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), 0);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "assessment") != 0)
    return 0;
  for (guint i = 0; i < self->n_rows; i++)
    n += gtk_widget_get_visible (GTK_WIDGET (self->rows[i].row));
  return n;
}

const char *
pamong_indicators_page_get_row_title (PamongIndicatorsPage *self,
                                      guint                 nth_visible)
{
  IndicatorRow *row;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  row = nth_visible_row (self, nth_visible);
  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row->row)) : NULL;
}

const char *
pamong_indicators_page_get_row_level (PamongIndicatorsPage *self,
                                      guint                 nth_visible)
{
  IndicatorRow *row;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  row = nth_visible_row (self, nth_visible);
  return row != NULL ? adw_action_row_get_subtitle (row->row) : NULL;
}

const char *
pamong_indicators_page_get_visible_state (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* GObject */

static void
pamong_indicators_page_dispose (GObject *object)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (object);

  if (self->scores != NULL)
    clear_scores (self);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);

  G_OBJECT_CLASS (pamong_indicators_page_parent_class)->dispose (object);
}

static void
pamong_indicators_page_finalize (GObject *object)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (object);

  for (guint i = 0; i < self->n_rows; i++)
    {
      g_free (self->rows[i].search_name);
      g_free (self->rows[i].number);
    }
  g_free (self->rows);
  g_free (self->aspect_groups);
  g_free (self->domain_headings);
  g_free (self->domain_index_labels);
  g_free (self->scores);
  g_free (self->levels);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (pamong_indicators_page_parent_class)->finalize (object);
}

static void
pamong_indicators_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      g_value_set_int (value, self->wanted_year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_indicators_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_YEAR:
      pamong_indicators_page_set_wanted_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pamong_indicators_page_class_init (PamongIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PamongWorkspacePageClass *page_class = PAMONG_WORKSPACE_PAGE_CLASS (klass);

  object_class->dispose = pamong_indicators_page_dispose;
  object_class->finalize = pamong_indicators_page_finalize;
  object_class->get_property = pamong_indicators_page_get_property;
  object_class->set_property = pamong_indicators_page_set_property;

  /**
   * PamongIndicatorsPage:year:
   *
   * The assessment year to show: the one a person last picked, or 0 for
   * the newest. A year the store does not have shows the newest.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  page_class->reload = pamong_indicators_page_reload;
  page_class->store_changed = pamong_indicators_page_store_changed;
  page_class->search_changed = pamong_indicators_page_search_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/indicators/pamong-indicators-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, year_list);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, summary_caption);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, predikat_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, predikat_gloss_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, provisional_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, domains_grid);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, detail_number_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, detail_title_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, criteria_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, justification_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, score_status_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, domain_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, aspect_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, weight_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, scale_row);
}

static void
pamong_indicators_page_init (PamongIndicatorsPage *self)
{
  g_autoptr(GError) error = NULL;

  self->shown = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  pamong_workspace_page_init_widgets (PAMONG_WORKSPACE_PAGE (self), self->leaflet, self->search_bar,
                                      self->search_entry, self->back_button);

  self->framework = pamong_framework_load_default (&error);
  if (self->framework == NULL)
    {
      /* The framework is built into Pamong: this is a broken build. */
      g_critical ("The SPBE framework could not be loaded: %s", error->message);
      adw_status_page_set_description (self->empty_page, error->message);
    }
  else
    build_rows (self);

  g_signal_connect_object (self->year_dropdown, "notify::selected",
                           G_CALLBACK (year_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
}
