/* pamong-indicators-page.c — the Indikator workspace: the SPBE self-evaluation
 *
 * Copyright 2026 The Pamong authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pamong-gui"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pamong-application.h"
#include "pamong-assessment.h"
#include "pamong-attachment.h"
#include "pamong-bar-chart.h"
#include "pamong-error.h"
#include "pamong-format.h"
#include "pamong-framework.h"
#include "pamong-gui-util.h"
#include "pamong-indicator-score.h"
#include "pamong-indicator-sources.h"
#include "pamong-indicators-page.h"
#include "pamong-labels.h"
#include "pamong-region.h"
#include "pamong-spbe-index.h"
#include "pamong-spbe-planner.h"
#include "pamong-spbe-report.h"
#include "pamong-store.h"
#include "pamong-window.h"
#include "pamong-workspace-page.h"

/* How long typing in the justification waits before it is saved. */
#define JUSTIFICATION_SAVE_DELAY_MS 800
/* At most this many candidate applications beside an indicator. */
#define MAX_SOURCE_APPLICATIONS 8

/* One row per indicator of the framework, built once; an assessment only
 * changes what the rows say. */
typedef struct
{
  AdwActionRow *row;
  GtkLabel     *level_label;
  char         *search_name;   /* casefolded name */
  char         *number;
} IndicatorRow;

/* An earlier (or this) year's index, for the chart across the years. */
typedef struct
{
  int    year;
  double index;
} YearIndex;

struct _PamongIndicatorsPage
{
  PamongWorkspacePage   parent_instance;

  PamongFramework      *framework;
  char                 *regency;

  IndicatorRow         *rows;         /* by indicator position */
  guint                 n_rows;
  GtkWidget           **aspect_groups;
  GtkWidget           **domain_headings;
  GtkLabel            **domain_index_labels;

  GPtrArray            *assessments;  /* PamongAssessment, as in year_list */
  GArray               *year_indices; /* YearIndex of the other assessments */
  gboolean              updating_years;
  int                   wanted_year;  /* the "year" property: 0 = the newest */
  PamongAssessment     *assessment;
  PamongIndicatorScore **scores;      /* by indicator position, may be NULL */
  guint                *levels;       /* by indicator position, 0 = not scored */
  PamongIndexResult    *result;
  int                   shown;        /* position in the detail pane, or -1 */
  gboolean              bulk;         /* saving many rows: reload once at the end */

  /* The scoring pane */
  int                   levels_built_for;  /* position the level rows are for, or -1 */
  GPtrArray            *level_rows;        /* AdwActionRow in level_group */
  GPtrArray            *level_checks;      /* GtkCheckButton, by level row */
  GPtrArray            *evidence_rows;
  GPtrArray            *source_rows;
  int                   sources_built_for;
  gboolean              updating_pane;
  guint                 justification_timeout;
  int                   justification_position;

  /* The planner */
  GArray               *target_cents;      /* gint per target_list item; -1 = custom */
  gboolean              target_chosen;     /* the person picked a target */
  PamongPlan           *plan;
  GPtrArray            *step_rows;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *main_stack;
  AdwStatusPage        *empty_page;
  AdwActionRow         *year_row;
  GtkDropDown          *year_dropdown;
  GtkStringList        *year_list;
  GtkSpinButton        *assessment_target_spin;
  GtkLabel             *summary_caption;
  GtkLabel             *index_label;
  GtkLabel             *predikat_label;
  GtkLabel             *predikat_gloss_label;
  GtkLabel             *progress_label;
  GtkLabel             *provisional_label;
  GtkGrid              *domains_grid;
  PamongBarChart       *domain_chart;
  PamongBarChart       *years_chart;
  PamongBarChart       *aspect_chart;
  AdwComboRow          *target_row;
  GtkStringList        *target_list;
  AdwActionRow         *custom_target_row;
  GtkSpinButton        *custom_target_spin;
  AdwActionRow         *plan_summary_row;
  GtkWidget            *apply_all_button;
  GtkListBox           *steps_list;
  GtkBox               *groups_box;
  GtkWidget            *no_results_page;
  GtkWidget            *back_button;
  GtkStack             *detail_stack;
  GtkLabel             *detail_number_label;
  GtkLabel             *detail_title_label;
  AdwPreferencesGroup  *level_group;
  GtkTextView          *justification_view;
  GtkSwitch            *final_switch;
  AdwEntryRow          *assessor_row;
  AdwPreferencesGroup  *evidence_group;
  AdwPreferencesGroup  *sources_group;
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

static void load_scores    (PamongIndicatorsPage *self);
static void update_plan    (PamongIndicatorsPage *self);
static void show_evidence  (PamongIndicatorsPage *self);
static void fill_targets   (PamongIndicatorsPage *self);
static PamongIndicatorScore *ensure_score (PamongIndicatorsPage *self,
                                           guint                 position);
static gboolean save_score (PamongIndicatorsPage *self,
                            PamongIndicatorScore *score);
static void load_year_indices (PamongIndicatorsPage *self);

static PamongStore *
get_store (PamongIndicatorsPage *self)
{
  return pamong_workspace_page_get_store (PAMONG_WORKSPACE_PAGE (self));
}

static void
toast (PamongIndicatorsPage *self,
       const char           *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PAMONG_IS_WINDOW (root))
    pamong_window_add_toast (PAMONG_WINDOW (root), text);
  else
    g_message ("%s", text);
}

static void
show_error (PamongIndicatorsPage *self,
            const char           *heading,
            const GError         *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PAMONG_IS_WINDOW (root))
    pamong_window_show_error (PAMONG_WINDOW (root), heading, error->message);
  else
    g_warning ("%s: %s", heading, error->message);
}

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

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

/* Report and evidence need an assessment, and evidence an indicator. */
static void
update_actions (PamongIndicatorsPage *self)
{
  gboolean assessment = self->assessment != NULL && self->result != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.export-report", assessment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.print-report", assessment);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.attach-evidence", assessment && self->shown >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.new-assessment",
                                 get_store (self) != NULL && self->framework != NULL);
}

/* Spin buttons show indices the way the rest of the page does (a decimal
 * comma in Indonesian and Javanese) and read either separator. */
static gboolean
index_spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = pamong_format_decimal (gtk_spin_button_get_value (spin), 2);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
index_spin_input_cb (GtkSpinButton *spin,
                     double        *new_value)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin)));
  char *end = NULL;

  g_strdelimit (text, ",", '.');
  *new_value = g_ascii_strtod (g_strstrip (text), &end);
  if (end == NULL || *end != '\0' || end == text)
    return GTK_INPUT_ERROR;
  return TRUE;
}

static void
assessment_target_changed_cb (PamongIndicatorsPage *self)
{
  g_autoptr(PamongAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  double target = gtk_spin_button_get_value (self->assessment_target_spin);

  if (self->updating_pane || self->assessment == NULL ||
      pamong_format_round (target, 2) == pamong_format_round (pamong_assessment_get_target_index (self->assessment), 2))
    return;
  assessment = g_object_ref (self->assessment);
  pamong_assessment_set_target_index (assessment, target);
  if (!pamong_store_save (get_store (self), PAMONG_RECORD (assessment), &error))
    show_error (self, _("Could Not Save the Target"), error);
}

static void
clear_level_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  PamongIndicatorScore *score;

  if (self->shown < 0 || self->assessment == NULL || self->levels[self->shown] == 0)
    return;
  score = ensure_score (self, self->shown);
  pamong_indicator_score_set_level (score, 0);
  pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_DRAFT);
  save_score (self, score);
}

/* Scores */

/* The score record of an indicator, made (not saved) when there is none. */
static PamongIndicatorScore *
ensure_score (PamongIndicatorsPage *self,
              guint                 position)
{
  if (self->scores[position] == NULL)
    {
      PamongIndicatorScore *score = pamong_indicator_score_new ();

      pamong_indicator_score_set_assessment (score, pamong_record_get_uuid (PAMONG_RECORD (self->assessment)));
      pamong_indicator_score_set_indicator (score, pamong_framework_get_indicator (self->framework, position)->number);
      pamong_indicator_score_set_level (score, 0);
      pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_DRAFT);
      /* Until the store has it; loading the scores replaces it then. */
      g_object_set_data (G_OBJECT (score), "pamong-unsaved", GINT_TO_POINTER (TRUE));
      self->scores[position] = score;
    }
  return self->scores[position];
}

static gboolean
save_score (PamongIndicatorsPage *self,
            PamongIndicatorScore *score)
{
  g_autoptr(GError) error = NULL;
  /* Saving reloads the scores, which drops the page's reference. */
  g_autoptr(PamongIndicatorScore) keep = g_object_ref (score);

  if (!pamong_store_save (get_store (self), PAMONG_RECORD (keep), &error))
    {
      show_error (self, _("Could Not Save the Score"), error);
      return FALSE;
    }
  return TRUE;
}

/* Sets the level of the indicator at @position and saves it. */
static void
set_level (PamongIndicatorsPage *self,
           guint                 position,
           guint                 level)
{
  PamongIndicatorScore *score;

  if (self->assessment == NULL || self->levels[position] == level)
    return;
  score = ensure_score (self, position);
  pamong_indicator_score_set_level (score, (gint) level);
  /* The team agreed on the old level: the new one is a draft again. */
  pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_DRAFT);
  save_score (self, score);
}

static void
flush_justification (PamongIndicatorsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->justification_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  PamongIndicatorScore *score;
  int position = self->justification_position;

  if (self->justification_timeout == 0)
    return;
  g_clear_handle_id (&self->justification_timeout, g_source_remove);

  if (self->assessment == NULL || position < 0 || (guint) position >= self->n_rows)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  score = ensure_score (self, position);
  if (g_strcmp0 (pamong_indicator_score_get_justification (score), text) == 0)
    return;
  pamong_indicator_score_set_justification (score, text);
  save_score (self, score);
}

static gboolean
justification_timeout_cb (gpointer data)
{
  PamongIndicatorsPage *self = data;

  /* flush_justification() clears the id; keep the source alive for it. */
  flush_justification (self);
  return G_SOURCE_REMOVE;
}

static void
justification_changed_cb (PamongIndicatorsPage *self)
{
  if (self->updating_pane || self->shown < 0)
    return;
  self->justification_position = self->shown;
  g_clear_handle_id (&self->justification_timeout, g_source_remove);
  self->justification_timeout = g_timeout_add (JUSTIFICATION_SAVE_DELAY_MS, justification_timeout_cb, self);
}

static void
final_changed_cb (PamongIndicatorsPage *self)
{
  PamongIndicatorScore *score;

  if (self->updating_pane || self->shown < 0 || self->assessment == NULL)
    return;
  score = ensure_score (self, self->shown);
  pamong_indicator_score_set_status (score, gtk_switch_get_active (self->final_switch) ?
                                            PAMONG_REVIEW_STATUS_FINAL : PAMONG_REVIEW_STATUS_DRAFT);
  save_score (self, score);
}

static void
assessor_applied_cb (PamongIndicatorsPage *self)
{
  PamongIndicatorScore *score;
  g_autofree char *text = NULL;

  if (self->shown < 0 || self->assessment == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->assessor_row))));
  score = ensure_score (self, self->shown);
  pamong_indicator_score_set_assessor (score, text);
  save_score (self, score);
}

static void
level_toggled_cb (GtkCheckButton       *check,
                  PamongIndicatorsPage *self)
{
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "pamong-level"));

  if (self->updating_pane || self->shown < 0 || !gtk_check_button_get_active (check))
    return;
  set_level (self, self->shown, level);
}

/* The level picker: a row per level of the indicator's own scale, with the
 * level's criteria, rebuilt only when another indicator is shown. */
static void
build_level_rows (PamongIndicatorsPage    *self,
                  const PamongFwIndicator *indicator)
{
  const PamongFwScale *scale = pamong_framework_get_indicator_scale (self->framework, indicator);
  GtkCheckButton *group = NULL;

  remove_rows (self->level_group, self->level_rows);
  g_ptr_array_set_size (self->level_checks, 0);

  if (pamong_gui_ui_is_english () && scale->gloss != NULL)
    {
      g_autofree char *description = g_strdup_printf ("%s (%s)", scale->name, scale->gloss);

      adw_preferences_group_set_description (self->level_group, description);
    }
  else
    adw_preferences_group_set_description (self->level_group, scale->name);

  for (guint l = 0; l < scale->n_levels; l++)
    {
      const PamongFwLevel *level = &scale->levels[l];
      /* Translators: a level in the level picker, e.g. "3 · Terdefinisi" */
      g_autofree char *title = g_strdup_printf (_("%u · %s"), level->value, level->name);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (level->criteria != NULL && *level->criteria != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), level->criteria);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_object_set_data (G_OBJECT (check), "pamong-level", GUINT_TO_POINTER (level->value));
      g_signal_connect_object (check, "toggled", G_CALLBACK (level_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->level_group, row);
      g_ptr_array_add (self->level_rows, row);
      g_ptr_array_add (self->level_checks, check);
    }
}

static void
sync_level_checks (PamongIndicatorsPage *self,
                   guint                 level)
{
  for (guint i = 0; i < self->level_checks->len; i++)
    {
      GtkCheckButton *check = self->level_checks->pdata[i];
      guint value = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "pamong-level"));

      if (value == level)
        gtk_check_button_set_active (check, TRUE);
    }
  if (level == 0)
    for (guint i = 0; i < self->level_checks->len; i++)
      gtk_check_button_set_active (self->level_checks->pdata[i], FALSE);
}

/* Evidence documents */

static GPtrArray *
list_evidence (PamongIndicatorsPage *self,
               guint                 position)
{
  g_autoptr(GError) error = NULL;
  PamongIndicatorScore *score = self->scores[position];
  GPtrArray *attachments;

  if (score == NULL || get_store (self) == NULL)
    return NULL;
  attachments = pamong_store_list_attachments (get_store (self),
                                               pamong_record_get_uuid (PAMONG_RECORD (score)), &error);
  if (attachments == NULL)
    g_warning ("Could not list the evidence of indicator %d: %s",
               pamong_indicator_score_get_indicator (score), error->message);
  return attachments;
}

static void
show_evidence (PamongIndicatorsPage *self)
{
  g_autoptr(GPtrArray) attachments = NULL;

  remove_rows (self->evidence_group, self->evidence_rows);
  if (self->shown < 0)
    return;

  attachments = list_evidence (self, self->shown);
  if (attachments == NULL || attachments->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No documents attached yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->evidence_group, row);
      g_ptr_array_add (self->evidence_rows, row);
      return;
    }

  for (guint i = 0; i < attachments->len; i++)
    {
      PamongAttachment *attachment = attachments->pdata[i];
      const char *uuid = pamong_record_get_uuid (PAMONG_RECORD (attachment));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *size = g_format_size ((guint64) MAX (pamong_attachment_get_size (attachment), 0));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pamong_attachment_get_filename (attachment));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);

      button = gtk_button_new_from_icon_name ("document-open-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Open"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "indicators.open-evidence");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "indicators.remove-evidence");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->evidence_group, row);
      g_ptr_array_add (self->evidence_rows, row);
    }
}

typedef struct
{
  PamongIndicatorsPage *self;   /* a reference */
  guint                 position;
  char                 *filename;
} AttachData;

static void
attach_data_free (AttachData *data)
{
  g_object_unref (data->self);
  g_free (data->filename);
  g_free (data);
}

static void
evidence_loaded_cb (GObject      *source,
                    GAsyncResult *res,
                    gpointer      user_data)
{
  AttachData *data = user_data;
  PamongIndicatorsPage *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PamongAttachment) attachment = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), res, &contents, &length, NULL, &error))
    {
      show_error (self, _("Could Not Read the Document"), error);
      attach_data_free (data);
      return;
    }
  bytes = g_bytes_new_take (contents, length);

  if (self->assessment == NULL || get_store (self) == NULL || data->position >= self->n_rows)
    {
      attach_data_free (data);
      return;
    }

  /* The attachment belongs to the score record: it must exist first. */
  if (self->scores[data->position] == NULL ||
      g_object_get_data (G_OBJECT (self->scores[data->position]), "pamong-unsaved") != NULL)
    {
      if (!save_score (self, ensure_score (self, data->position)))
        {
          attach_data_free (data);
          return;
        }
    }

  content_type = g_content_type_guess (data->filename, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), NULL);
  mime = g_content_type_get_mime_type (content_type);
  attachment = pamong_store_attach (get_store (self), PAMONG_RECORD (self->scores[data->position]),
                                    data->filename, mime, bytes, &error);
  if (attachment == NULL)
    show_error (self, _("Could Not Attach the Document"), error);
  else if ((int) data->position == self->shown)
    show_evidence (self);

  attach_data_free (data);
}

static void
attach_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    PamongIndicatorsPage *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->shown >= 0)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          pamong_indicators_page_attach_file (self, file);
        }
    }
  g_object_unref (chooser);
}

/**
 * pamong_indicators_page_attach_file:
 * @self: a #PamongIndicatorsPage
 * @file: a document
 *
 * Reads @file (asynchronously) and stores it as evidence of the indicator
 * in the scoring pane, saving the indicator's score first if it has none
 * yet. This is what the Attach button does with each chosen file.
 */
void
pamong_indicators_page_attach_file (PamongIndicatorsPage *self,
                                    GFile                *file)
{
  AttachData *data;

  g_return_if_fail (PAMONG_IS_INDICATORS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->shown < 0 || self->assessment == NULL)
    return;

  data = g_new0 (AttachData, 1);
  data->self = g_object_ref (self);
  data->position = (guint) self->shown;
  data->filename = g_file_get_basename (file);
  g_file_load_contents_async (file, NULL, evidence_loaded_cb, data);
}

static void
attach_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  GtkFileChooserNative *chooser;

  if (self->shown < 0 || self->assessment == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Attach Evidence"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (attach_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Opens a document with the system's handler: its bytes go to a file in
 * the cache (named after the content's hash, so opening it twice writes
 * once) and gtk_show_uri() hands it over, through the portal in Flatpak. */
static void
open_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) record = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  PamongAttachment *attachment;

  if (get_store (self) == NULL)
    return;
  record = pamong_store_lookup (get_store (self), PAMONG_TYPE_ATTACHMENT, uuid, &error);
  if (record == NULL)
    {
      show_error (self, _("Could Not Open the Document"), error);
      return;
    }
  attachment = PAMONG_ATTACHMENT (record);
  bytes = pamong_store_load_blob (get_store (self), pamong_attachment_get_sha256 (attachment), &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND))
        toast (self, _("The document is not downloaded yet; it arrives with the next synchronisation"));
      else
        show_error (self, _("Could Not Open the Document"), error);
      return;
    }

  dir = g_build_filename (g_get_user_cache_dir (), "pamong", "evidence",
                          pamong_attachment_get_sha256 (attachment), NULL);
  path = g_build_filename (dir, pamong_attachment_get_filename (attachment), NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the folder “%s”"), dir);
      show_error (self, _("Could Not Open the Document"), error);
      return;
    }

  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
remove_evidence_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRecord) record = NULL;

  if (get_store (self) == NULL)
    return;
  record = pamong_store_lookup (get_store (self), PAMONG_TYPE_ATTACHMENT,
                                g_variant_get_string (parameter, NULL), &error);
  if (record == NULL || !pamong_store_delete (get_store (self), record, &error))
    show_error (self, _("Could Not Remove the Document"), error);
}

/* Candidate evidence from the other workspaces */

static void
add_source_row (PamongIndicatorsPage *self,
                const char           *title,
                const char           *subtitle,
                const char           *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  adw_preferences_group_add (self->sources_group, row);
  g_ptr_array_add (self->source_rows, row);
}

static void
show_sources (PamongIndicatorsPage *self)
{
  const PamongFwIndicator *indicator;
  const char *framework_id;
  g_autoptr(GPtrArray) apps = NULL;
  g_autoptr(GError) error = NULL;
  gboolean complaints;

  remove_rows (self->sources_group, self->source_rows);
  self->sources_built_for = self->shown;
  if (self->shown < 0 || get_store (self) == NULL)
    return;

  indicator = pamong_framework_get_indicator (self->framework, self->shown);
  framework_id = pamong_framework_get_id (self->framework);
  complaints = pamong_indicator_sources_has_complaints (framework_id, indicator->number);

  if (pamong_indicator_sources_get_keywords (framework_id, indicator->number) == NULL && !complaints)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->sources_group), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sources_group), TRUE);

  if (complaints)
    {
      PamongComplaintShare share;

      if (!pamong_indicator_sources_complaint_share (get_store (self), &share, &error))
        g_warning ("Could not count the complaints: %s", error->message);
      else if (share.n_completed > 0)
        {
          g_autofree char *percent = pamong_format_decimal (100.0 * share.n_on_time / share.n_completed, 0);
          g_autofree char *on_time = pamong_format_integer (share.n_on_time);
          g_autofree char *completed = pamong_format_integer (share.n_completed);
          g_autofree char *overdue = pamong_format_integer (share.n_open_overdue);
          g_autofree char *title = NULL;
          g_autofree char *subtitle = NULL;

          /* Translators: the share of complaints handled within their
           * service-time standard, e.g. "82 % of complaints handled on time" */
          title = g_strdup_printf (_("%s %% of complaints handled on time"), percent);
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s of %s completed complaint within its service-time standard; %s still open past its due date",
                                                   "%s of %s completed complaints within their service-time standard; %s still open past their due date",
                                                   share.n_completed),
                                      on_time, completed, overdue);
          add_source_row (self, title, subtitle, "mail-unread-symbolic");
        }
      else
        add_source_row (self, _("No completed complaints recorded yet"), NULL, "mail-unread-symbolic");
      g_clear_error (&error);
    }

  apps = pamong_indicator_sources_find_applications (get_store (self), framework_id, indicator->number,
                                                     0, &error);
  if (apps == NULL)
    g_warning ("Could not search the applications: %s", error->message);
  else if (apps->len == 0 && !complaints)
    add_source_row (self, _("No application in the inventory matches this indicator"), NULL, NULL);
  else
    for (guint i = 0; i < apps->len && i < MAX_SOURCE_APPLICATIONS; i++)
      {
        PamongApplication *app = apps->pdata[i];
        const char *function = pamong_application_get_function (app);
        g_autofree char *subtitle = NULL;

        if (function != NULL && *function != '\0')
          /* Translators: a candidate application's status and function,
           * e.g. "Active · Menerima pengaduan warga" */
          subtitle = g_strdup_printf (_("%s · %s"), pamong_label_app_status (pamong_application_get_status (app)),
                                      function);
        else
          subtitle = g_strdup (pamong_label_app_status (pamong_application_get_status (app)));
        add_source_row (self, pamong_application_get_name (app), subtitle, "application-x-executable-symbolic");
      }
  if (apps != NULL && apps->len > MAX_SOURCE_APPLICATIONS)
    {
      guint more = apps->len - MAX_SOURCE_APPLICATIONS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more application matches; search the Aplikasi workspace",
                                                            "%u more applications match; search the Aplikasi workspace",
                                                            more),
                                               more);

      add_source_row (self, text, NULL, NULL);
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
  PamongIndicatorScore *score;
  g_autofree char *number = NULL;
  g_autofree char *weight = NULL;
  gboolean other = position != self->levels_built_for;

  if (other)
    flush_justification (self);

  self->shown = position;
  if (position < 0 || (guint) position >= self->n_rows || self->assessment == NULL)
    {
      self->shown = -1;
      self->levels_built_for = -1;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      update_actions (self);
      return;
    }

  indicator = pamong_framework_get_indicator (self->framework, position);
  aspect = pamong_framework_get_aspect (self->framework, indicator->aspect_index);
  domain = pamong_framework_get_domain (self->framework, indicator->domain_index);
  scale = pamong_framework_get_indicator_scale (self->framework, indicator);
  score = self->scores[position];

  self->updating_pane = TRUE;

  /* Translators: e.g. "Indicator 11" */
  number = g_strdup_printf (_("Indicator %u"), indicator->number);
  gtk_label_set_text (self->detail_number_label, number);
  gtk_label_set_text (self->detail_title_label, indicator->name);

  if (other)
    {
      build_level_rows (self, indicator);
      self->levels_built_for = position;
    }
  sync_level_checks (self, self->levels[position]);

  /* Typing is not interrupted by the reload its own save causes. */
  if (other || !gtk_widget_has_focus (GTK_WIDGET (self->justification_view)))
    {
      const char *justification = score != NULL ? pamong_indicator_score_get_justification (score) : NULL;
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->justification_view);
      GtkTextIter start, end;
      g_autofree char *current = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      current = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (current, justification != NULL ? justification : "") != 0)
        gtk_text_buffer_set_text (buffer, justification != NULL ? justification : "", -1);
    }
  gtk_switch_set_active (self->final_switch,
                         score != NULL && pamong_indicator_score_get_status (score) == PAMONG_REVIEW_STATUS_FINAL);
  if (other || !gtk_widget_has_focus (GTK_WIDGET (self->assessor_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->assessor_row),
                           score != NULL && pamong_indicator_score_get_assessor (score) != NULL ?
                           pamong_indicator_score_get_assessor (score) : "");

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

  self->updating_pane = FALSE;

  show_evidence (self);
  if (other || self->sources_built_for != position)
    show_sources (self);

  gtk_stack_set_visible_child_name (self->detail_stack, "details");
  update_actions (self);
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

/* Reads an assessment's scores: levels (and the records, when @scores is
 * given) by indicator position. A level its scale lacks counts as 0. */
static gboolean
read_scores (PamongIndicatorsPage  *self,
             PamongAssessment      *assessment,
             guint                 *levels,
             PamongIndicatorScore **scores,
             GError               **error)
{
  g_autoptr(PamongQuery) query = pamong_query_new (PAMONG_TYPE_INDICATOR_SCORE);
  g_autoptr(GListModel) model = NULL;

  pamong_query_add_filter_string (query, "assessment", pamong_record_get_uuid (PAMONG_RECORD (assessment)));
  model = pamong_store_query (get_store (self), query, error);
  if (model == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
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
      if (scores != NULL)
        g_set_object (&scores[position], score);
      if (level > 0 && pamong_framework_get_indicator_level (self->framework, indicator, level) != NULL)
        levels[position] = level;
    }
  return TRUE;
}

static double
max_level (PamongIndicatorsPage *self)
{
  double max = 0;

  for (guint s = 0; s < pamong_framework_get_n_scales (self->framework); s++)
    {
      const PamongFwScale *scale = pamong_framework_get_scale (self->framework, s);

      if (scale->n_levels > 0)
        max = MAX (max, scale->levels[scale->n_levels - 1].value);
    }
  return max;
}

static gint
compare_year_index (gconstpointer a,
                    gconstpointer b)
{
  return ((const YearIndex *) a)->year - ((const YearIndex *) b)->year;
}

static void
update_charts (PamongIndicatorsPage *self)
{
  double target = pamong_assessment_get_target_index (self->assessment);
  g_autofree char *target_text = NULL;
  g_autofree char *target_label = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, FALSE, sizeof (YearIndex));
  double max = max_level (self);

  if (target > 0)
    {
      target_text = pamong_format_index (target);
      /* Translators: the label of a chart's target line, e.g. "Target 3.30" */
      target_label = g_strdup_printf (_("Target %s"), target_text);
    }

  pamong_bar_chart_clear (self->domain_chart);
  pamong_bar_chart_set_max (self->domain_chart, max);
  pamong_bar_chart_set_target (self->domain_chart, target, target_label);
  for (guint d = 0; d < pamong_framework_get_n_domains (self->framework); d++)
    {
      const PamongIndexValue *value = pamong_index_result_get_domain (self->result, d);
      g_autofree char *text = format_index_value (value);
      double v = value->n_scored > 0 ? value->cents / 100.0 : 0;
      PamongChartTone tone = PAMONG_CHART_TONE_ACCENT;

      if (value->n_scored == 0)
        tone = PAMONG_CHART_TONE_NEUTRAL;
      else if (target > 0)
        tone = v >= target ? PAMONG_CHART_TONE_SUCCESS : PAMONG_CHART_TONE_WARNING;
      pamong_bar_chart_append (self->domain_chart, pamong_framework_get_domain (self->framework, d)->name,
                               v, text, tone);
    }

  /* The other years' stored figures and this year's live one. */
  for (guint i = 0; self->year_indices != NULL && i < self->year_indices->len; i++)
    if (g_array_index (self->year_indices, YearIndex, i).year != pamong_assessment_get_year (self->assessment))
      g_array_append_val (years, g_array_index (self->year_indices, YearIndex, i));
  if (pamong_index_result_get_overall (self->result)->n_scored > 0)
    {
      YearIndex now = { pamong_assessment_get_year (self->assessment),
                        pamong_index_result_get_overall (self->result)->cents / 100.0 };

      g_array_append_val (years, now);
    }
  g_array_sort (years, compare_year_index);
  pamong_bar_chart_clear (self->years_chart);
  pamong_bar_chart_set_max (self->years_chart, max);
  for (guint i = 0; i < years->len; i++)
    {
      YearIndex *y = &g_array_index (years, YearIndex, i);
      g_autofree char *label = g_strdup_printf ("%d", y->year);
      g_autofree char *text = pamong_format_index (y->index);

      pamong_bar_chart_append (self->years_chart, label, y->index, text,
                               y->year == pamong_assessment_get_year (self->assessment) ?
                               PAMONG_CHART_TONE_ACCENT : PAMONG_CHART_TONE_NEUTRAL);
    }

  pamong_bar_chart_clear (self->aspect_chart);
  pamong_bar_chart_set_max (self->aspect_chart, max);
  for (guint a = 0; a < pamong_framework_get_n_aspects (self->framework); a++)
    {
      const PamongIndexValue *value = pamong_index_result_get_aspect (self->result, a);
      g_autofree char *text = format_index_value (value);

      pamong_bar_chart_append (self->aspect_chart, pamong_framework_get_aspect (self->framework, a)->name,
                               value->n_scored > 0 ? value->cents / 100.0 : 0, text,
                               value->n_scored > 0 ? PAMONG_CHART_TONE_ACCENT : PAMONG_CHART_TONE_NEUTRAL);
    }
}

static void
update_summary (PamongIndicatorsPage *self)
{
  const PamongIndexValue *overall;
  const PamongFwBand *band;
  g_autofree char *caption = NULL;
  g_autofree char *index = NULL;
  g_autofree char *progress = NULL;
  guint n_final = 0;

  caption = g_strdup_printf (_("SPBE index %d"), pamong_assessment_get_year (self->assessment));
  gtk_label_set_text (self->summary_caption, caption);

  overall = pamong_index_result_get_overall (self->result);
  index = format_index_value (overall);
  gtk_label_set_text (self->index_label, index);

  band = overall->n_scored > 0 ? pamong_index_result_get_predikat (self->result) : NULL;
  gtk_label_set_text (self->predikat_label, band != NULL ? band->name : _("No predikat yet"));
  gtk_label_set_text (self->predikat_gloss_label,
                      band != NULL && band->gloss != NULL && pamong_gui_ui_is_english () ?
                      band->gloss : "");
  gtk_widget_set_visible (GTK_WIDGET (self->predikat_gloss_label),
                          *gtk_label_get_text (self->predikat_gloss_label) != '\0');

  for (guint i = 0; i < self->n_rows; i++)
    if (self->scores[i] != NULL && self->levels[i] > 0 &&
        pamong_indicator_score_get_status (self->scores[i]) == PAMONG_REVIEW_STATUS_FINAL)
      n_final++;
  /* Translators: the assessment's progress, e.g. "Scored 47 of 47 · final 40 of 47" */
  progress = g_strdup_printf (_("Scored %u of %u · final %u of %u"),
                              overall->n_scored, overall->n_indicators, n_final, overall->n_indicators);
  gtk_label_set_text (self->progress_label, progress);

  if (!pamong_index_value_is_complete (overall))
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
      g_autofree char *text = format_index_value (pamong_index_result_get_domain (self->result, d));

      gtk_label_set_text (self->domain_index_labels[d], text);
    }

  update_charts (self);
}

static void
update_year_row (PamongIndicatorsPage *self)
{
  const char *title = pamong_assessment_get_title (self->assessment);
  const char *status = pamong_label_review_status (pamong_assessment_get_status (self->assessment));

  self->updating_pane = TRUE;
  gtk_spin_button_set_value (self->assessment_target_spin, pamong_assessment_get_target_index (self->assessment));
  self->updating_pane = FALSE;

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
  g_autoptr(GError) error = NULL;

  clear_scores (self);
  if (!read_scores (self, self->assessment, self->levels, self->scores, &error))
    g_warning ("Could not read the indicator scores: %s", error->message);

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
  update_plan (self);
  show_indicator (self, self->shown);
}

/* Frameworks */

/* Only plain ids name files: no path can sneak in through an assessment. */
static gboolean
framework_id_is_plain (const char *id)
{
  if (id == NULL || *id == '\0' || *id == '.')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* The built-in framework (P59), or one installed as data: a file named
 * after its id in pamong/frameworks/ of the user's or the system's data
 * folders. A newer evaluation (e.g. the digital-government index) is then
 * a file to drop in, not code to write. */
static PamongFramework *
load_framework (const char  *id,
                GError     **error)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autofree char *name = NULL;

  if (g_strcmp0 (id, PAMONG_FRAMEWORK_DEFAULT_ID) == 0)
    return pamong_framework_load_default (error);

  if (framework_id_is_plain (id))
    {
      name = g_strconcat (id, ".json", NULL);
      for (int i = -1; i < 0 || system_dirs[i] != NULL; i++)
        {
          g_autofree char *path = g_build_filename (i < 0 ? g_get_user_data_dir () : system_dirs[i],
                                                    "pamong", "frameworks", name, NULL);
          g_autoptr(GFile) file = NULL;
          g_autoptr(PamongFramework) framework = NULL;

          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
            continue;
          file = g_file_new_for_path (path);
          framework = pamong_framework_new_from_file (file, error);
          if (framework == NULL)
            return NULL;
          if (g_strcmp0 (pamong_framework_get_id (framework), id) != 0)
            {
              g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_FRAMEWORK,
                           _("The file “%s” holds the framework “%s”, not “%s”."),
                           path, pamong_framework_get_id (framework), id);
              return NULL;
            }
          return g_steal_pointer (&framework);
        }
    }

  g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_NOT_FOUND,
               _("Its file, named after the framework’s id, belongs in the folder pamong/frameworks "
                 "of the data folder (%s)."),
               g_get_user_data_dir ());
  return NULL;
}

/* Takes down everything built for the current framework. */
static void
destroy_rows (PamongIndicatorsPage *self)
{
  GtkWidget *child;

  clear_scores (self);
  g_clear_pointer (&self->plan, pamong_plan_unref);
  for (guint i = 0; i < self->step_rows->len; i++)
    gtk_list_box_remove (self->steps_list, self->step_rows->pdata[i]);
  g_ptr_array_set_size (self->step_rows, 0);
  remove_rows (self->level_group, self->level_rows);
  g_ptr_array_set_size (self->level_checks, 0);
  remove_rows (self->evidence_group, self->evidence_rows);
  remove_rows (self->sources_group, self->source_rows);
  self->levels_built_for = -1;
  self->sources_built_for = -1;
  self->shown = -1;
  gtk_stack_set_visible_child_name (self->detail_stack, "none");

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->domains_grid))) != NULL)
    gtk_grid_remove (self->domains_grid, child);

  for (guint i = 0; i < self->n_rows; i++)
    {
      g_free (self->rows[i].search_name);
      g_free (self->rows[i].number);
    }
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->aspect_groups, g_free);
  g_clear_pointer (&self->domain_headings, g_free);
  g_clear_pointer (&self->domain_index_labels, g_free);
  g_clear_pointer (&self->scores, g_free);
  g_clear_pointer (&self->levels, g_free);
  self->n_rows = 0;
}

/* Shows the framework @id: rebuilds the rows when it is another one. */
static gboolean
use_framework (PamongIndicatorsPage  *self,
               const char            *id,
               GError               **error)
{
  g_autoptr(PamongFramework) framework = NULL;

  if (self->framework != NULL && g_strcmp0 (pamong_framework_get_id (self->framework), id) == 0)
    return TRUE;

  framework = load_framework (id, error);
  if (framework == NULL)
    return FALSE;

  flush_justification (self);
  if (self->framework != NULL)
    destroy_rows (self);
  g_set_object (&self->framework, framework);
  build_rows (self);
  fill_targets (self);
  apply_filter (self);
  return TRUE;
}
/* The planner */

static void
fill_targets (PamongIndicatorsPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (self->target_cents, 0);
  for (guint b = 0; b < pamong_framework_get_n_bands (self->framework); b++)
    {
      const PamongFwBand *band = pamong_framework_get_band (self->framework, b);
      gint cents = pamong_spbe_planner_target_for_band (band);
      g_autofree char *min = NULL;

      if (!band->has_min)
        continue;
      min = pamong_format_index (band->min);
      g_ptr_array_add (names, band->min_inclusive ?
                       /* Translators: a predikat as a planner target, e.g. "Sangat Baik ≥ 3.50" */
                       g_strdup_printf (_("%s ≥ %s"), band->name, min) :
                       /* Translators: a predikat as a planner target, e.g. "Cukup > 1.80" */
                       g_strdup_printf (_("%s > %s"), band->name, min));
      g_array_append_val (self->target_cents, cents);
    }
  g_ptr_array_add (names, g_strdup (_("Another index")));
  {
    gint custom = -1;

    g_array_append_val (self->target_cents, custom);
  }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->target_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->target_list)),
                          (const char * const *) names->pdata);
}

/* Picks the next predikat up as the target, until a person picks one. */
static void
choose_default_target (PamongIndicatorsPage *self)
{
  const PamongIndexValue *overall = pamong_index_result_get_overall (self->result);
  guint choice = 0;
  double target = pamong_assessment_get_target_index (self->assessment);

  if (self->target_chosen)
    return;

  /* Bands run from the highest down: the last one above the index now. */
  for (guint i = 0; i < self->target_cents->len; i++)
    {
      gint cents = g_array_index (self->target_cents, gint, i);

      if (cents > overall->cents)
        choice = i;
    }
  if (target > 0)
    gtk_spin_button_set_value (self->custom_target_spin, target);
  adw_combo_row_set_selected (self->target_row, choice);
  self->target_chosen = FALSE;
  update_plan (self);
}

static gint
selected_target (PamongIndicatorsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);
  gint cents;

  if (selected >= self->target_cents->len)
    return -1;
  cents = g_array_index (self->target_cents, gint, selected);
  if (cents < 0)
    cents = (gint) pamong_format_round (gtk_spin_button_get_value (self->custom_target_spin), 2);
  return cents;
}

static void
update_plan (PamongIndicatorsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint target;
  g_autofree char *target_text = NULL;
  guint n_steps;
  gboolean custom;

  for (guint i = 0; i < self->step_rows->len; i++)
    gtk_list_box_remove (self->steps_list, self->step_rows->pdata[i]);
  g_ptr_array_set_size (self->step_rows, 0);
  g_clear_pointer (&self->plan, pamong_plan_unref);

  custom = adw_combo_row_get_selected (self->target_row) < self->target_cents->len &&
           g_array_index (self->target_cents, gint, adw_combo_row_get_selected (self->target_row)) < 0;
  gtk_widget_set_visible (GTK_WIDGET (self->custom_target_row), custom);

  target = selected_target (self);
  if (self->assessment == NULL || target < 0)
    return;

  target_text = pamong_format_index (target / 100.0);
  self->plan = pamong_spbe_planner_plan (self->framework, self->levels, self->n_rows, target, &error);
  if (self->plan == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_summary_row), error->message);
      adw_action_row_set_subtitle (self->plan_summary_row, "");
      gtk_widget_set_visible (self->apply_all_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->steps_list), FALSE);
      return;
    }

  n_steps = pamong_plan_get_n_steps (self->plan);
  if (n_steps == 0)
    {
      g_autofree char *title = NULL;

      /* Translators: the planner when nothing needs to change, e.g. "The index already reaches 3.50" */
      title = g_strdup_printf (_("The index already reaches %s"), target_text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_summary_row), title);
    }
  else
    {
      const PamongPlanStep *last = pamong_plan_get_step (self->plan, n_steps - 1);
      g_autofree char *reached = pamong_format_index (last->index_cents / 100.0);
      g_autofree char *title = NULL;

      /* Translators: the planner's answer, e.g. "8 steps reach 3.50 (Sangat Baik)"; the
       * second %s is the index the steps reach, the third its predikat */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u step reaches %s (%s)",
                                            "%u steps reach %s (%s)",
                                            n_steps),
                               n_steps, reached, last->predikat != NULL ? last->predikat->name : "–");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->plan_summary_row), title);
    }
  if (pamong_plan_get_n_assumed (self->plan) > 0)
    {
      g_autofree char *subtitle = NULL;
      guint n = pamong_plan_get_n_assumed (self->plan);

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u indicator is not scored yet; the plan counts it at its lowest level",
                                               "%u indicators are not scored yet; the plan counts them at their lowest level",
                                               n),
                                  n);
      adw_action_row_set_subtitle (self->plan_summary_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->plan_summary_row, "");
  gtk_widget_set_visible (self->apply_all_button, n_steps > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), n_steps > 0);

  for (guint s = 0; s < n_steps; s++)
    {
      const PamongPlanStep *step = pamong_plan_get_step (self->plan, s);
      const PamongFwIndicator *indicator = pamong_framework_get_indicator (self->framework, step->position);
      const PamongFwLevel *to = pamong_framework_get_indicator_level (self->framework, indicator, step->to_level);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *title = g_strdup_printf ("%u · %s", indicator->number, indicator->name);
      g_autofree char *index = pamong_format_index (step->index_cents / 100.0);
      g_autofree char *gain = pamong_format_decimal ((double) step->gain /
                                                     pamong_framework_get_total_weight_cents (self->framework), 3);
      g_autofree char *subtitle = NULL;
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      GtkWidget *prefix;

      /* Translators: a planner step: the level change, the level's name, the
       * gain and the index after it, e.g. "Level 4 → 5 Optimum · +0.030 → 3.31 Baik" */
      subtitle = g_strdup_printf (_("Level %u → %u %s · +%s → %s %s"),
                                  step->from_level, step->to_level, to != NULL ? to->name : "",
                                  gain, index, step->predikat != NULL ? step->predikat->name : "");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      prefix = gtk_label_new (number);
      gtk_label_set_width_chars (GTK_LABEL (prefix), 2);
      gtk_label_set_xalign (GTK_LABEL (prefix), 1.0f);
      gtk_widget_add_css_class (prefix, "dim-label");
      gtk_widget_add_css_class (prefix, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);

      button = gtk_button_new_with_label (_("Apply up to Here"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "indicators.apply-plan");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", s + 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->steps_list, row);
      g_ptr_array_add (self->step_rows, row);
    }
}

static void
target_changed_cb (PamongIndicatorsPage *self)
{
  self->target_chosen = TRUE;
  update_plan (self);
}

/* Saves many scores as one transaction: the page reloads once. */
static gboolean
save_scores (PamongIndicatorsPage  *self,
             GPtrArray             *scores,
             GError               **error)
{
  PamongStore *store = get_store (self);

  if (!pamong_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < scores->len; i++)
    if (!pamong_store_save (store, scores->pdata[i], error))
      {
        pamong_store_rollback (store);
        return FALSE;
      }
  return pamong_store_commit (store, error);
}

static void
apply_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PamongPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *levels = NULL;
  guint n;

  if (self->plan == NULL || self->assessment == NULL)
    return;
  plan = pamong_plan_ref (self->plan);
  n = g_variant_get_uint32 (parameter);
  if (n == 0 || n > pamong_plan_get_n_steps (plan))
    n = pamong_plan_get_n_steps (plan);

  levels = g_memdup2 (self->levels, sizeof (guint) * self->n_rows);
  pamong_plan_apply (plan, n, levels, self->n_rows);
  for (guint i = 0; i < self->n_rows; i++)
    if (levels[i] != self->levels[i])
      {
        PamongIndicatorScore *score = g_object_ref (ensure_score (self, i));

        pamong_indicator_score_set_level (score, (gint) levels[i]);
        pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_DRAFT);
        g_ptr_array_add (changed, score);
      }

  if (!save_scores (self, changed, &error))
    {
      show_error (self, _("Could Not Apply the Steps"), error);
      return;
    }

  {
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Applied %u step as a draft level",
                                                          "Applied %u steps as draft levels",
                                                          n),
                                             n);
    toast (self, text);
  }
}

static void
show_assessment (PamongIndicatorsPage *self,
                 PamongAssessment     *assessment)
{
  g_autoptr(GError) error = NULL;
  const char *framework_id;
  gboolean other = assessment == NULL || self->assessment == NULL ||
                   g_strcmp0 (pamong_record_get_uuid (PAMONG_RECORD (assessment)),
                              pamong_record_get_uuid (PAMONG_RECORD (self->assessment))) != 0;
  gboolean same_framework;

  if (other)
    flush_justification (self);
  g_set_object (&self->assessment, assessment);

  if (assessment == NULL || self->framework == NULL)
    {
      clear_scores (self);
      show_indicator (self, -1);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  framework_id = pamong_assessment_get_framework (assessment);
  same_framework = g_strcmp0 (framework_id, pamong_framework_get_id (self->framework)) == 0;
  if (!same_framework && !use_framework (self, framework_id, &error))
    {
      g_autofree char *description = NULL;

      description = g_strdup_printf (_("The %d assessment uses the evaluation framework “%s”, "
                                       "which this version of Pamong does not know. %s"),
                                     pamong_assessment_get_year (assessment), framework_id, error->message);
      adw_status_page_set_description (self->empty_page, description);
      adw_status_page_set_title (self->empty_page, _("Unknown Framework"));
      clear_scores (self);
      show_indicator (self, -1);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      /* Keep the year selector reachable. */
      return;
    }

  if (!same_framework)
    load_year_indices (self);
  if (other)
    self->target_chosen = FALSE;
  load_scores (self);
  if (other)
    choose_default_target (self);
  gtk_stack_set_visible_child_name (self->main_stack, "assessment");
}

static void
year_selected_cb (PamongIndicatorsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating_years)
    return;

  if (self->assessments != NULL && selected < self->assessments->len)
    {
      PamongAssessment *assessment = g_ptr_array_index (self->assessments, selected);

      if (self->assessment == NULL ||
          pamong_assessment_get_year (self->assessment) != pamong_assessment_get_year (assessment))
        self->shown = -1;
      show_assessment (self, assessment);
    }
  else
    {
      self->shown = -1;
      show_assessment (self, NULL);
    }

  /* Remember the year a person picked, so the next start shows it too. */
  if (self->assessment != NULL &&
      self->wanted_year != pamong_assessment_get_year (self->assessment))
    {
      self->wanted_year = pamong_assessment_get_year (self->assessment);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
}

/* Every other assessment's index, for the chart across the years. */
static void
load_year_indices (PamongIndicatorsPage *self)
{
  g_array_set_size (self->year_indices, 0);
  if (self->framework == NULL)
    return;

  for (guint i = 0; i < self->assessments->len; i++)
    {
      PamongAssessment *assessment = self->assessments->pdata[i];
      g_autofree guint *levels = g_new0 (guint, self->n_rows);
      g_autoptr(PamongIndexResult) result = NULL;
      g_autoptr(GError) error = NULL;
      YearIndex year;

      if (g_strcmp0 (pamong_assessment_get_framework (assessment), pamong_framework_get_id (self->framework)) != 0)
        continue;
      if (!read_scores (self, assessment, levels, NULL, &error))
        {
          g_warning ("Could not read the %d scores: %s", pamong_assessment_get_year (assessment), error->message);
          continue;
        }
      result = pamong_spbe_index_compute (self->framework, levels, self->n_rows);
      if (pamong_index_result_get_overall (result)->n_scored == 0)
        continue;
      year.year = pamong_assessment_get_year (assessment);
      year.index = pamong_index_result_get_overall (result)->cents / 100.0;
      g_array_append_val (self->year_indices, year);
    }
}

static void
load_assessments (PamongIndicatorsPage *self)
{
  PamongStore *store = get_store (self);
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
  load_year_indices (self);

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

/* A new assessment */

static PamongAssessment *
find_assessment (PamongIndicatorsPage *self,
                 int                   year)
{
  for (guint i = 0; self->assessments != NULL && i < self->assessments->len; i++)
    if (pamong_assessment_get_year (self->assessments->pdata[i]) == year)
      return self->assessments->pdata[i];
  return NULL;
}

/**
 * pamong_indicators_page_create_assessment:
 * @self: a #PamongIndicatorsPage
 * @year: the year
 * @copy_previous: start from the levels of the latest earlier year
 * @error: return location for a #GError
 *
 * Creates the assessment of @year (a draft, on the app's framework) and,
 * when asked, its scores with the previous year's levels as drafts, in
 * one transaction; then shows it.
 *
 * Returns: %TRUE when created
 */
gboolean
pamong_indicators_page_create_assessment (PamongIndicatorsPage  *self,
                                          int                    year,
                                          gboolean               copy_previous,
                                          GError               **error)
{
  g_autoptr(PamongAssessment) assessment = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  PamongAssessment *previous = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), FALSE);
  g_return_val_if_fail (get_store (self) != NULL && self->framework != NULL, FALSE);

  if (find_assessment (self, year) != NULL)
    {
      g_set_error (error, PAMONG_ERROR, PAMONG_ERROR_CONFLICT,
                   _("There is already an assessment for %d. Pick it in the year list."), year);
      return FALSE;
    }

  for (guint i = 0; self->assessments != NULL && i < self->assessments->len; i++)
    {
      PamongAssessment *candidate = self->assessments->pdata[i];

      if (pamong_assessment_get_year (candidate) < year &&
          g_strcmp0 (pamong_assessment_get_framework (candidate), pamong_framework_get_id (self->framework)) == 0 &&
          (previous == NULL || pamong_assessment_get_year (candidate) > pamong_assessment_get_year (previous)))
        previous = candidate;
    }

  assessment = pamong_assessment_new ();
  pamong_assessment_set_year (assessment, year);
  pamong_assessment_set_framework (assessment, pamong_framework_get_id (self->framework));
  /* Translators: the title of a new assessment, e.g. "Penilaian Mandiri SPBE Kabupaten Blora 2025" */
  title = g_strdup_printf (_("SPBE Self-Assessment %s %d"), self->regency, year);
  pamong_assessment_set_title (assessment, title);
  pamong_assessment_set_status (assessment, PAMONG_REVIEW_STATUS_DRAFT);
  if (previous != NULL)
    pamong_assessment_set_target_index (assessment, pamong_assessment_get_target_index (previous));
  g_ptr_array_add (records, g_object_ref (assessment));

  if (copy_previous && previous != NULL)
    {
      g_autofree guint *levels = g_new0 (guint, self->n_rows);

      if (!read_scores (self, previous, levels, NULL, error))
        return FALSE;
      for (guint i = 0; i < self->n_rows; i++)
        {
          PamongIndicatorScore *score;

          if (levels[i] == 0)
            continue;
          score = pamong_indicator_score_new ();
          pamong_indicator_score_set_assessment (score, pamong_record_get_uuid (PAMONG_RECORD (assessment)));
          pamong_indicator_score_set_indicator (score, pamong_framework_get_indicator (self->framework, i)->number);
          pamong_indicator_score_set_level (score, (gint) levels[i]);
          pamong_indicator_score_set_status (score, PAMONG_REVIEW_STATUS_DRAFT);
          g_ptr_array_add (records, score);
        }
    }

  self->wanted_year = year;
  g_clear_object (&self->assessment);
  self->shown = -1;
  if (!save_scores (self, records, error))
    return FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  return pamong_indicators_page_select_year (self, year);
}

typedef struct
{
  GtkSpinButton  *year_spin;
  GtkCheckButton *copy_check;
} NewAssessmentDialog;

static void
new_assessment_response_cb (AdwMessageDialog     *dialog,
                            const char           *response,
                            PamongIndicatorsPage *self)
{
  NewAssessmentDialog *widgets = g_object_get_data (G_OBJECT (dialog), "pamong-widgets");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "create") != 0)
    return;
  if (!pamong_indicators_page_create_assessment (self, gtk_spin_button_get_value_as_int (widgets->year_spin),
                                                 gtk_check_button_get_active (widgets->copy_check), &error))
    show_error (self, _("Could Not Create the Assessment"), error);
}

static void
new_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  NewAssessmentDialog *widgets = g_new0 (NewAssessmentDialog, 1);
  GtkWidget *dialog;
  GtkWidget *box;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  if (get_store (self) == NULL || self->framework == NULL)
    {
      g_free (widgets);
      return;
    }
  for (guint i = 0; self->assessments != NULL && i < self->assessments->len; i++)
    year = MAX (year, pamong_assessment_get_year (self->assessments->pdata[i]) + 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("New Assessment"),
                                   _("The year’s self-evaluation starts as a draft. It can start from "
                                     "the latest earlier year’s levels, each again a draft to review."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  widgets->year_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_spin_button_set_value (widgets->year_spin, year);
  gtk_widget_set_halign (GTK_WIDGET (widgets->year_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widgets->year_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assessment year"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (widgets->year_spin));
  widgets->copy_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Start from the previous year’s levels")));
  gtk_check_button_set_active (widgets->copy_check, self->assessments != NULL && self->assessments->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (widgets->copy_check), self->assessments != NULL && self->assessments->len > 0);
  gtk_widget_set_halign (GTK_WIDGET (widgets->copy_check), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (widgets->copy_check));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "create");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pamong-widgets", widgets, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_assessment_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The report */

/**
 * pamong_indicators_page_build_report:
 *
 * The report of the shown assessment, with its evidence lists and the
 * other years' indices.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL without an assessment
 */
PamongSpbeReport *
pamong_indicators_page_build_report (PamongIndicatorsPage *self)
{
  PamongSpbeReport *report;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  if (self->assessment == NULL || self->framework == NULL)
    return NULL;

  flush_justification (self);
  report = pamong_spbe_report_new (self->framework, self->regency, pamong_assessment_get_year (self->assessment));
  pamong_spbe_report_set_title (report, pamong_assessment_get_title (self->assessment));
  pamong_spbe_report_set_target (report, pamong_assessment_get_target_index (self->assessment));
  for (guint i = 0; i < self->year_indices->len; i++)
    pamong_spbe_report_add_history (report, g_array_index (self->year_indices, YearIndex, i).year,
                                    g_array_index (self->year_indices, YearIndex, i).index);

  for (guint i = 0; i < self->n_rows; i++)
    {
      PamongIndicatorScore *score = self->scores[i];
      g_autoptr(GPtrArray) attachments = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      if (score == NULL)
        continue;
      attachments = list_evidence (self, i);
      for (guint a = 0; attachments != NULL && a < attachments->len; a++)
        g_ptr_array_add (names, (gpointer) pamong_attachment_get_filename (attachments->pdata[a]));
      g_ptr_array_add (names, NULL);
      pamong_spbe_report_set_indicator (report, i, self->levels[i],
                                        pamong_indicator_score_get_justification (score),
                                        pamong_indicator_score_get_status (score),
                                        (const char * const *) names->pdata);
    }
  return report;
}

static void
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    PamongIndicatorsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(PamongSpbeReport) report = pamong_indicators_page_build_report (self);
      g_autoptr(GError) error = NULL;

      if (report != NULL && path != NULL && !pamong_spbe_report_write_pdf (report, path, &error))
        show_error (self, _("Could Not Export the Report"), error);
      else if (report != NULL && path != NULL)
        toast (self, _("Report exported"));
    }
  g_object_unref (chooser);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->assessment == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Report"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  /* Translators: the report's suggested file name; keep it short, no spaces */
  name = g_strdup_printf (_("spbe-report-%d.pdf"), pamong_assessment_get_year (self->assessment));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PamongSpbeReport  *report)
{
  guint n = pamong_spbe_report_get_n_pages (report, gtk_print_context_get_cairo_context (context),
                                            gtk_print_context_get_width (context),
                                            gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) MAX (n, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PamongSpbeReport  *report)
{
  pamong_spbe_report_draw_page (report, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context),
                                (guint) page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PamongIndicatorsPage    *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (self, _("Could Not Print the Report"), error);
    }
}

/**
 * pamong_indicators_page_print_report:
 * @self: a #PamongIndicatorsPage
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for a person, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_filename
 * @export_filename: (nullable): the PDF to export to
 * @error: return location for a #GError
 *
 * Prints the report through GtkPrintOperation, drawing each page with the
 * same code as the PDF export, on A4 with the report's own margins.
 *
 * Returns: %FALSE with @error set when printing could not start
 */
gboolean
pamong_indicators_page_print_report (PamongIndicatorsPage     *self,
                                     GtkPrintOperationAction   action,
                                     const char               *export_filename,
                                     GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = NULL;
  g_autoptr(GtkPaperSize) a4 = NULL;
  PamongSpbeReport *report;
  GtkRoot *root;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), FALSE);

  report = pamong_indicators_page_build_report (self);
  if (report == NULL)
    return TRUE;

  operation = gtk_print_operation_new ();
  setup = gtk_page_setup_new ();
  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (setup, a4);
  /* The report draws its own margins. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("SPBE Self-Assessment Report"));
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);
  else
    gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         report, (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  return gtk_print_operation_run (operation, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error) !=
         GTK_PRINT_OPERATION_RESULT_ERROR;
}

static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!pamong_indicators_page_print_report (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    show_error (self, _("Could Not Print the Report"), error);
}

/* PamongWorkspacePage */

static void
pamong_indicators_page_reload (PamongWorkspacePage *page)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (page);

  flush_justification (self);
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
    {
      load_year_indices (self);
      load_scores (self);
    }
  else if (g_strcmp0 (collection, "attachments") == 0 && self->shown >= 0)
    show_evidence (self);
  else if ((g_strcmp0 (collection, "applications") == 0 ||
            g_strcmp0 (collection, "service_requests") == 0 ||
            g_strcmp0 (collection, "service_types") == 0) && self->shown >= 0)
    show_sources (self);
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
        if (gtk_drop_down_get_selected (self->year_dropdown) == i && self->assessment == NULL)
          year_selected_cb (self);
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

/**
 * pamong_indicators_page_get_domain_index_text:
 * @domain_index: a domain's position
 *
 * Returns: the domain's index as the summary card shows it
 */
const char *
pamong_indicators_page_get_domain_index_text (PamongIndicatorsPage *self,
                                              guint                 domain_index)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);
  g_return_val_if_fail (self->framework != NULL, NULL);
  g_return_val_if_fail (domain_index < pamong_framework_get_n_domains (self->framework), NULL);

  return gtk_label_get_text (self->domain_index_labels[domain_index]);
}

const char *
pamong_indicators_page_get_progress_text (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  return gtk_label_get_text (self->progress_label);
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

/**
 * pamong_indicators_page_show_indicator:
 * @number: an indicator's number
 *
 * Opens the indicator in the scoring pane, as activating its row does.
 *
 * Returns: %FALSE if the framework has no such indicator or no assessment
 *   is shown
 */
gboolean
pamong_indicators_page_show_indicator (PamongIndicatorsPage *self,
                                       guint                 number)
{
  gint position;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), FALSE);

  if (self->framework == NULL || self->assessment == NULL)
    return FALSE;
  position = pamong_framework_get_indicator_position (self->framework, number);
  if (position < 0)
    return FALSE;
  g_signal_emit_by_name (self->rows[position].row, "activated");
  return self->shown == position;
}

/**
 * pamong_indicators_page_get_n_level_choices:
 *
 * Returns: the number of level rows in the scoring pane
 */
guint
pamong_indicators_page_get_n_level_choices (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), 0);

  return self->level_checks->len;
}

/**
 * pamong_indicators_page_get_level_choice:
 * @nth: a level row, from 0
 *
 * Returns: (transfer none): the level row's title, e.g. "3 · Terdefinisi"
 */
const char *
pamong_indicators_page_get_level_choice (PamongIndicatorsPage *self,
                                         guint                 nth)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);
  g_return_val_if_fail (nth < self->level_rows->len, NULL);

  return adw_preferences_row_get_title (self->level_rows->pdata[nth]);
}

/**
 * pamong_indicators_page_pick_level:
 * @nth: a level row, from 0
 *
 * Activates a level row of the scoring pane, as a click on it does.
 */
void
pamong_indicators_page_pick_level (PamongIndicatorsPage *self,
                                   guint                 nth)
{
  g_return_if_fail (PAMONG_IS_INDICATORS_PAGE (self));
  g_return_if_fail (nth < self->level_rows->len);

  adw_action_row_activate (self->level_rows->pdata[nth]);
}

/**
 * pamong_indicators_page_get_n_evidence:
 *
 * Returns: the number of documents listed as the shown indicator's evidence
 */
guint
pamong_indicators_page_get_n_evidence (PamongIndicatorsPage *self)
{
  guint n = 0;

  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), 0);

  /* The rows of documents have an Open button; the placeholder has none. */
  for (guint i = 0; i < self->evidence_rows->len; i++)
    n += adw_action_row_get_activatable_widget (self->evidence_rows->pdata[i]) != NULL;
  return n;
}

/**
 * pamong_indicators_page_get_justification_buffer:
 *
 * Returns: (transfer none): the scoring pane's justification text
 */
GtkTextBuffer *
pamong_indicators_page_get_justification_buffer (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  return gtk_text_view_get_buffer (self->justification_view);
}

/**
 * pamong_indicators_page_get_final_switch:
 *
 * Returns: (transfer none): the scoring pane's draft/final switch
 */
GtkSwitch *
pamong_indicators_page_get_final_switch (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  return self->final_switch;
}

/**
 * pamong_indicators_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the planner's current plan
 */
PamongPlan *
pamong_indicators_page_get_plan (PamongIndicatorsPage *self)
{
  g_return_val_if_fail (PAMONG_IS_INDICATORS_PAGE (self), NULL);

  return self->plan;
}

/**
 * pamong_indicators_page_set_plan_target:
 * @nth: an entry of the target list: the predikat bands from the highest,
 *   then "Another index"
 */
void
pamong_indicators_page_set_plan_target (PamongIndicatorsPage *self,
                                        guint                 nth)
{
  g_return_if_fail (PAMONG_IS_INDICATORS_PAGE (self));

  adw_combo_row_set_selected (self->target_row, nth);
}

/* GObject */

static void
pamong_indicators_page_dispose (GObject *object)
{
  PamongIndicatorsPage *self = PAMONG_INDICATORS_PAGE (object);

  if (self->scores != NULL && get_store (self) != NULL)
    flush_justification (self);
  g_clear_handle_id (&self->justification_timeout, g_source_remove);
  if (self->scores != NULL)
    clear_scores (self);
  g_clear_object (&self->assessment);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->plan, pamong_plan_unref);

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
  g_free (self->regency);
  g_array_unref (self->year_indices);
  g_array_unref (self->target_cents);
  g_ptr_array_unref (self->level_rows);
  g_ptr_array_unref (self->level_checks);
  g_ptr_array_unref (self->evidence_rows);
  g_ptr_array_unref (self->source_rows);
  g_ptr_array_unref (self->step_rows);
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

  gtk_widget_class_install_action (widget_class, "indicators.new-assessment", NULL, new_assessment_action);
  gtk_widget_class_install_action (widget_class, "indicators.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "indicators.print-report", NULL, print_report_action);
  gtk_widget_class_install_action (widget_class, "indicators.attach-evidence", NULL, attach_evidence_action);
  gtk_widget_class_install_action (widget_class, "indicators.open-evidence", "s", open_evidence_action);
  gtk_widget_class_install_action (widget_class, "indicators.remove-evidence", "s", remove_evidence_action);
  gtk_widget_class_install_action (widget_class, "indicators.apply-plan", "u", apply_plan_action);
  gtk_widget_class_install_action (widget_class, "indicators.clear-level", NULL, clear_level_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "indicators.new-assessment", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "indicators.export-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "indicators.print-report", NULL);

  g_type_ensure (PAMONG_TYPE_BAR_CHART);
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
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, assessment_target_spin);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, summary_caption);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, index_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, predikat_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, predikat_gloss_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, provisional_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, domains_grid);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, domain_chart);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, years_chart);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, aspect_chart);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, target_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, target_list);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, custom_target_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, custom_target_spin);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, plan_summary_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, apply_all_button);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, steps_list);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, detail_number_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, detail_title_label);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, level_group);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, justification_view);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, final_switch);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, evidence_group);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, sources_group);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, domain_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, aspect_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, weight_row);
  gtk_widget_class_bind_template_child (widget_class, PamongIndicatorsPage, scale_row);
}

static char *
regency_name (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PamongRegion) region = pamong_region_load_default (&error);

  if (region == NULL)
    {
      g_warning ("The region could not be loaded: %s", error->message);
      return g_strdup ("");
    }
  return g_strdup_printf ("%s %s", pamong_region_get_kind (region), pamong_region_get_name (region));
}

static void
pamong_indicators_page_init (PamongIndicatorsPage *self)
{
  g_autoptr(GError) error = NULL;

  self->shown = -1;
  self->levels_built_for = -1;
  self->sources_built_for = -1;
  self->justification_position = -1;
  self->year_indices = g_array_new (FALSE, FALSE, sizeof (YearIndex));
  self->target_cents = g_array_new (FALSE, FALSE, sizeof (gint));
  self->level_rows = g_ptr_array_new ();
  self->level_checks = g_ptr_array_new ();
  self->evidence_rows = g_ptr_array_new ();
  self->source_rows = g_ptr_array_new ();
  self->step_rows = g_ptr_array_new ();
  self->regency = regency_name ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pamong_workspace_page_init_widgets (PAMONG_WORKSPACE_PAGE (self), self->leaflet, self->search_bar,
                                      self->search_entry, self->back_button);

  pamong_bar_chart_set_title (self->domain_chart, _("Domain indices against the target"));
  pamong_bar_chart_set_title (self->years_chart, _("The index across the years"));
  pamong_bar_chart_set_title (self->aspect_chart, _("Aspect indices"));

  self->framework = pamong_framework_load_default (&error);
  if (self->framework == NULL)
    {
      /* The framework is built into Pamong: this is a broken build. */
      g_critical ("The SPBE framework could not be loaded: %s", error->message);
      adw_status_page_set_description (self->empty_page, error->message);
    }
  else
    {
      build_rows (self);
      fill_targets (self);
    }

  g_signal_connect_object (self->year_dropdown, "notify::selected",
                           G_CALLBACK (year_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_row, "notify::selected",
                           G_CALLBACK (target_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->custom_target_spin, "value-changed",
                           G_CALLBACK (target_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->justification_view), "changed",
                           G_CALLBACK (justification_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->assessment_target_spin, "output", G_CALLBACK (index_spin_output_cb), NULL);
  g_signal_connect (self->assessment_target_spin, "input", G_CALLBACK (index_spin_input_cb), NULL);
  g_signal_connect (self->custom_target_spin, "output", G_CALLBACK (index_spin_output_cb), NULL);
  g_signal_connect (self->custom_target_spin, "input", G_CALLBACK (index_spin_input_cb), NULL);
  g_signal_connect_object (self->assessment_target_spin, "value-changed",
                           G_CALLBACK (assessment_target_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->final_switch, "notify::active",
                           G_CALLBACK (final_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessor_row, "apply",
                           G_CALLBACK (assessor_applied_cb), self, G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_actions (self);
}
