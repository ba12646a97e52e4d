"""The interface's own words, in one place, ready for translation.

The content (options, notes, crisis lines) is data in YAML; these are the
headings, labels and sentences the tool itself writes around it. A template
with {fields} is filled with str.format, never an f-string, so a translation
can move the fields. Keep them plain (a reading age of 12) and never
prescriptive. `lang` is the language they are written in.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

lang = "en"

# --- draft translations (shown in every output in a draft language) --------------
# Said in the language and, always, in English (EVIDENCE part N).
DRAFT_TITLE = "Draft translation"
DRAFT_NOTICE = (
    "This translation is a draft. A qualified health translator has not checked it. "
    "For the English, run the same command with --lang en."
)
# Only where EVIDENCE gives an interpreter service: Australia (part E, N).
INTERPRETER_AU = "In Australia, TIS National gives free interpreting: call 131 450."
CRISIS_IN_ENGLISH_AU = (
    "These services answer in English. To talk in your language, call TIS National "
    "on 131 450 and ask them to connect you to the service."
)
CRISIS_IN_ENGLISH = "These services answer in English."
PHQ9_IN_ENGLISH = (
    "The PHQ-9 questions stay in English. A questionnaire's translation must be the "
    "checked, validated one, and this guide does not have it yet."
)
# A field whose translation is missing or out of date shows the English, marked.
IN_ENGLISH = "[English] {text}"

# --- every page of options ends with these --------------------------------------
# {doctor}: the region's word for the first doctor ("GP", "family doctor", "doctor").
DISCLAIMER = (
    "This is not medical advice or a diagnosis, and it recommends no treatment. "
    "Talk with a {doctor}, psychologist or other health professional about what fits you."
)
# The word for the first doctor when the region is not known (crisis.yaml
# gives each region's own): understood everywhere, and translated.
ANY_DOCTOR = "doctor"
SEE_A_PROFESSIONAL = "See a professional"
REFERENCES = "References"
REFERENCES_WITH_SOURCES = "References (all sources and corrections: depression-guide about)"
PLEASE_NOTE = "Please note"
REVIEW_WARNING = "This content was due for review on {date}; numbers and services may have changed."
MADE_ON = "Made on {day} {month} {year}. "
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip

# --- crisis panels ----------------------------------------------------------------
CRISIS_TITLE = "Crisis and support lines"
HELP_IS_AVAILABLE = "Help is available ({region})"
IF_YOU_NEED_HELP = "If you need help ({region})"
IF_YOU_NEED_HELP_NOW = "If you need help now"
# The one line that ends the every-region help when the region is not known.
# Short: at 40x24 the every-region box, this line and the disclaimer must all
# fit the last screen (`--help` lists the codes).
SET_REGION = "For your own lines: --region CODE or DEPRESSION_GUIDE_REGION."
CALL = "call {phone}"
TEXT = "text {number}"
# {keyword} and {number} exactly as the service gives them (crisis.yaml).
TEXT_KEYWORD = "text {keyword} to {number}"
CHAT_ONLY = "chat online"
FOR_WHOM = " For {whom}."
SUPPORT = "Support: {line}"
NUMBERS_CHECKED = "Numbers last checked {months}."
# Where the region came from, when nobody typed it this time (a guess is said openly).
REGION_FROM = "Region: {region}, from {source}. Change it with --region."
FROM_TIME_ZONE = "your computer's time zone"
FROM_SAVED_SETTINGS = "your saved settings"

# --- an option in full ----------------------------------------------------------
WHY_SHOWN = "Why this is shown"
IF_YOU_ALREADY_TAKE_ONE = "If you already take one"
WHAT_IT_IS = "What it is"
WHAT_IT_INVOLVES = "What it involves"
HOW_IT_IS_GIVEN = "How it is given"
HOW_LONG = "How long until it may help"
WHAT_THE_EVIDENCE_SHOWS = "What the evidence shows"
DOWNSIDES_AND_RISKS = "Downsides and risks"
MEDICINE_QUESTIONS = "Things people often ask about medicines"
THINGS_TO_THINK_ABOUT = "Things to think about"
WHO_IT_MAY_SUIT = "Who it may suit"
ACCESS_AND_COST = "Access and cost"
STRENGTH = " Strength: {words}."
ICON_SENTENCE = "About {count} in {denominator} {label} {outcome}."
ICON_CAPTION = "Group: {group}. Time: {time_frame}. Source: {source}"
ICON_LABEL = "{count} in {denominator} {label}"
ICON_KEY = "({filled} = had the outcome, {empty} = did not)"
OPTION_COLUMN = "Option"
# How plain text and screen readers announce each kind of box.
CALLOUT_KINDS = {
    "crisis": "IMPORTANT",
    "safety": "SAFETY",
    "note": "NOTE",
    "disclaimer": "PLEASE NOTE",
}
# What each certainty level means, in the words the user sees.
CERTAINTY_WORDS = {
    "high": "strong evidence (many trials that mostly agree)",
    "moderate": "moderate evidence (several trials, with some doubts)",
    "low": "weak evidence (few or small trials, or reviewers rated it low)",
    "very-low": "very weak evidence (early research, such as animal studies or one trial)",
}
EMERGENCY_LINE = "{message}: {number}."
# One region's line in the every-region panel: "Australia: 000; Lifeline 13 11 14".
REGION_NUMBERS = "{region}: {numbers}"

# --- the explore summary -----------------------------------------------------------
# {doctor}: the region's word, from crisis.yaml ("GP", "family doctor", "doctor").
SUMMARY_TITLE = "Your depression treatment options: a summary to take to your {doctor}"
SUMMARY_WHAT_IT_IS = (
    "It lists options that fit your answers and recommends none: the choice is yours, "
    "best made with a health professional."
)
AT_RISK = (
    "Thank you for telling us about thoughts of ending your life or harming yourself. "
    "You are not alone, and help is there right now, day or night."
)
WHAT_YOU_TOLD_US = "What you told us"
SKIPPED_EVERYTHING = "You skipped every question."
AT_A_GLANCE = "Your options at a glance"
NO_TOPICS_CHOSEN = "You chose no topics, so the main kinds of care are shown."
YOU_ASKED_ABOUT = "You asked to read about: {category}."
SHOWN_BECAUSE = "{category}: shown because of your answer. {title}."
# Said once, above the cards: none is ranked, and each card's numbers name
# their own comparison (EVIDENCE.md H: a waitlist is not a dummy pill), so
# numbers on different cards are not to be weighed against each other.
NONE_RANKED = (
    " None is ranked, and numbers from different comparisons can't be set against each other."
)
CARD_LABELS = ("What it is", "How soon", "Evidence", "Downsides", "Cost", "Why shown")
# Each card says where to read more: a command, or the appendix when there is one.
CARD_MORE = "more"
CARD_COMMAND = "depression-guide show {id}"
CARD_IN_FULL = "in full below"
# The command once, not once a topic: the topic is the word in brackets.
MORE_OPTIONS = "More options (depression-guide show TOPIC, the word in brackets): {others}."
MORE_IN_CATEGORY = "{category}: {names} ({id})"
# With the options in full at the end (--detail, and every saved file).
MORE_OPTIONS_IN_FULL = 'More options, each in full below under "{in_full}": {others}.'
MORE_IN_CATEGORY_IN_FULL = "{category}: {names}"
QUESTIONS_TO_ASK = "Questions you could ask your {doctor} or psychologist"
NEXT_STEPS = "Next steps"
WEIGH_THEM = "Weigh them for yourself: depression-guide decide {ids}"
IN_FULL = "The options in full"
# Beside the heading of the saved page's appendix, a section the reader opens.
FOLD_HINT = "(open to read; printed only when open)"

# --- decide -------------------------------------------------------------------------
DECISION_GUIDE = "My decision guide"
THE_DECISION = "The decision: {decision}"
HOW_FAR_ALONG = "How far along I am: {stage}."
MY_ROLE = "My role in deciding: {role}."
NOT_ADDED_UP = (
    "The options are in the order you gave them. Stars are not added up: one reason "
    "that matters a lot to you can count for more than several others."
)
WHAT_MATTERS = "What matters to me"
REASONS_FOR = "Reasons to choose it that matter to me ({least} or 5 stars)"
REASONS_AGAINST = "Reasons to avoid it that matter to me ({least} or 5 stars)"
NONE_MATTER = "None rated 4 or 5 stars."
LEANING_HEADING = "Which way I am leaning"
# The person's own answer, shown as they gave it: the guide never works it out.
LEANING = "My own answer, not worked out by this guide: {leaning}."
NOT_SURE_YET = "Not sure yet"
LEANING_NOT_ANSWERED = "Not answered."
HOW_SURE = "How sure I feel (the SURE test)"
SURE_BEFORE, SURE_AFTER = "Before", "After"
SURE_NOT_ANSWERED = "{when}: not answered."
SURE_PARTLY = "{when}: {said}."
SURE_COUNTED = "{when}: yes to {count} of {total}. {said}."
YES, NO = "yes", "no"
WHAT_MAY_HELP = "What may help"
MY_NEXT_STEPS = "My next steps"
NONE_CHOSEN = "None chosen yet."
# How the recap of answers says a question was skipped, or nothing was ticked.
RECAP_NOT_ANSWERED = "not answered"
RECAP_NONE_CHOSEN = "none chosen"
# Between the items of a list inside a sentence, and between its clauses:
# each language's own punctuation (Chinese 、 and ；, Arabic ، and ؛).
LIST_SEPARATOR = ", "
CLAUSE_SEPARATOR = "; "
READ_MORE = "To read more: depression-guide show {ids}"

# --- compare ------------------------------------------------------------------------
COMPARE_TITLE = "Compare: {names}"
COMPARE_INTRO = (
    "The same questions for each option. None of them is recommended over the "
    "others here; what fits depends on you."
)
ROW_WHAT = "What is it?"
ROW_INVOLVES = "What does it involve?"
ROW_GIVEN = "How is it given?"
ROW_HOW_LONG = "How long until it may help?"
ROW_EVIDENCE = "What does the evidence show?"
ROW_DOWNSIDES = "What are the downsides?"
ROW_MEDICINES = "Medicines: {topic}?"
# The content's medicine topics (ids in options' medicine_rows), in words.
MEDICINE_TOPICS = {
    "weight": "weight",
    "sexual side effects": "sexual side effects",
    "sleep": "sleep",
    "stopping": "stopping",
    "cost": "cost",
    "keep in mind": "keep in mind",
}
ROW_COST = "What does it cost, and how do I get it?"
ROW_SUITS = "Who may it suit?"
NO_CHECKED_INFORMATION = "This guide has no checked information on this."
NOT_A_MEDICINE = "Not a medicine."
CHANCES_AS_PICTURES = "Chances, as pictures"

# --- topics -------------------------------------------------------------------------
TOPICS_TITLE = "Topics"
NONE_YET = "(none yet)"
SHOW_A_TOPIC = "Show a topic with: depression-guide show ID (for example: show cbt)."

# --- about, quiz, PHQ-9 -------------------------------------------------------------
ABOUT_TITLE = "About depression-guide"
WHAT_IT_IS_NOT = "What it is not"
WHERE_FROM = "Where the content comes from"
SOURCE_LINE = '"{title}" by {author}, {publisher}. Published {published}, updated {updated}.'
CORRECTIONS = "Corrections to the source article"
CORRECTION = "The article: {claim} Our correction: {correction}"
NONE = "None."
WHAT_CHANGED = "What changed in this edition"
NOTHING_LISTED = "Nothing listed."
REVIEW_AND_FUNDING = "Review, updates and funding"
LANGUAGES_HEADING = "Languages"
LANGUAGE_STATUS = (
    "{name} (--lang {code}): a draft, not checked by a qualified health translator; "
    "{percent}% of the content is translated, the rest shows in English."
)
LANGUAGE_INTERFACE = (
    "In a draft language, the questions, the --help pages and the error messages are "
    "translated too; a few rare messages still show in English."
)
CONTRIBUTE_TRANSLATION = (
    "A clinic can contribute a checked translation: a qualified health translator "
    "checks each file and fills in checked_by and checked_on. See the README, "
    "section Languages."
)
ABOUT_LABELS = {
    "reviewed": "Content last reviewed",
    "review_due": "Next review due",
    "update_policy": "Update policy",
    "report_errors": "Report an error",
    "funding": "Funding",
    "conflicts": "Conflicts of interest",
    "reading_level": "Reading level",
    "standards": "Standards",
    "tools": "Decision tools",
    "version": "Version",
}
QUIZ_TITLE = "Myth or fact? Depression and its treatment"
QUIZ_TRUTH = {"myth": "a myth", "fact": "a fact", "partly": "partly true"}
# The quiz's three answers as a person picks them (the keys are the answers file's).
QUIZ_CHOICES = {"myth": "Myth", "fact": "Fact", "partly": "Partly true"}
QUIZ_REVEALED = "{answer}. {explanation}"
QUIZ_ANSWER = "Answer: {answer}."
QUIZ_RIGHT = "Right: it's {truth}."
QUIZ_NOT_QUITE = "Not quite: it's {truth}."
QUIZ_SCORE_TITLE = "Your score"
QUIZ_READ_MORE = (
    "To read more, try 'depression-guide show serotonin-theory' or 'depression-guide explore'."
)
PHQ9_TITLE = "Your PHQ-9 self-check"
PHQ9_THOUGHTS = (
    "You said you have had thoughts that you would be better off dead or of hurting "
    "yourself. Thank you for answering honestly. You do not have to face this alone; "
    "please reach out now."
)
PHQ9_TOTAL = (
    'Your total is {total} out of 27. That is in the band called "{band}" ({low} to {high}).'
)
PHQ9_TOTAL_ONLY = "Your total is {total} out of 27."
PHQ9_YOUR_ANSWERS = "Your answers"
PHQ9_DIFFICULTY = "How difficult these problems have made things"

# --- prompts --------------------------------------------------------------------------
PICK_HINT = "(Arrow keys to move, Enter to choose.)"
TICK_HINT = "(Space to tick, Enter when done. Enter alone skips.)"
# For a tick list that can't be skipped (decide's options): Enter alone is refused.
TICK_NEEDED_HINT = "(Space to tick, Enter when done.)"
SKIP = "Skip"
NOTHING_TICKED = "Skipped (nothing ticked)"
THANKS = "You are not alone, and help is available right now, day or night."
THANK_YOU = "Thank you for telling us"
WHERE_TO_GET_HELP = "Where to get help"
HELP_NEAR_YOU = "Help near you"
CARRY_ON = "Would you like to carry on to the treatment options?"
STOPPED_HERE = "\nThat's okay. These lines are there for you any time.\n"
# {doctor}: the region's word ("GP", "family doctor"), or ANY_DOCTOR when the
# region is not known.
SAVE_OFFER = "Save this to a file, to take to your {doctor}?"
NO_THANKS = "No, thanks"
SAVE_CHOICES = (
    ("A web page (.html, prints well)", "html", ".html"),
    ("Markdown (.md)", "markdown", ".md"),
    ("Plain text (.txt)", "text", ".txt"),
)
FILE_NAME = "File name:"
TYPE_A_NAME = "Type a file name."
FILE_EXISTS = "That file exists and is never replaced: type another name."
NO_SUCH_FOLDER = "That folder does not exist."
IS_A_FOLDER = "That is a folder: type a file name."
WRONG_ENDING = "This is saved as {ending}: end the name in {ending}, or leave the ending off."
STOPPED_NOTHING_SAVED = "\nStopped. Nothing was saved.\n"
TRY_HELP = "Try '{command} --help' for help."
# Every error line starts so: "depression-guide: error: ..." (the message follows).
ERROR_PREFIX = "{prog}: error:"

# --- errors a person can fix (GuideError: the message, then a hint) ---------------
UNKNOWN_TOPIC = "unknown topic '{word}'."
NAMES_OR = "{names} or {last}"  # 'cbt', 'ipt' or 'mbct'
TOPICS_HINT = "Run 'depression-guide topics' to see every topic."
UNKNOWN_REGION = "unknown region '{code}'."
UNKNOWN_REGION_FROM_ENV = "unknown region '{code}' (from DEPRESSION_GUIDE_REGION)."
REGION_HINT = "Use one of: {codes} (GB and USA work too)."
NO_TERMINAL = "this asks questions, but there is no terminal to ask them in."
EXPLORE_HOW_ELSE = (
    "Give your answers with --answers FILE (YAML or JSON; '-' reads standard "
    "input), for example:  echo 'risk_now: no' | depression-guide explore --answers -"
)
DECIDE_HOW_ELSE = (
    "Give your answers with --answers FILE (YAML or JSON; '-' reads standard input), "
    "for example:  echo 'options: [cbt, ssri]' | depression-guide decide --answers -"
)
QUIZ_HOW_ELSE = "Use --answers myth,fact,... or --reveal to see them all."
PHQ9_HOW_ELSE = "Use --answers with nine numbers from 0 to 3, e.g. --answers 0,1,2,0,1,0,0,1,0"
IS_A_FOLDER_ERROR = "'{path}' is a folder."
GIVE_A_FILE_NAME = "Give a file name to save to."
FILE_NOT_REPLACED = "'{path}' already exists; it was not changed."
FILE_NOT_REPLACED_HINT = "Choose another name, or add --force to replace it."
NO_SUCH_FOLDER_ERROR = "the folder '{folder}' does not exist."
NO_SUCH_FOLDER_HINT = "Create it, or save elsewhere."
FOLDER_NOT_WRITABLE = "cannot write to the folder '{folder}'."
SAVE_ELSEWHERE = "Save somewhere you can write."
COULD_NOT_SAVE = "could not save '{path}': {problem}."
UNKNOWN_SAVE_FORMAT = "can't tell which format to save '{name}' in."
UNKNOWN_SAVE_FORMAT_HINT = "Use a name ending {endings}, or add --format."
COMPARE_BACKGROUND = "'{topic}' is a background topic, not an option."
COMPARE_BACKGROUND_HINT = (
    "Compare two to four options, e.g.: depression-guide compare cbt ssri exercise"
)
COMPARE_TOO_FEW = "compare needs at least two options."
COMPARE_TOO_FEW_HINT = (
    "For example: depression-guide compare cbt ssri exercise "
    "(or a category: depression-guide compare psychotherapy)"
)
COMPARE_TOO_MANY = "compare shows at most {limit} options side by side; you asked for {count}."
COMPARE_TOO_MANY_HINT = "Pick fewer, or use 'depression-guide show' for the rest."
# Answers given with --answers (explore, decide), and files read.
STDIN_CLOSED = "--answers - reads standard input, but it is closed."
STDIN_CLOSED_HINT = "Pipe the answers in, or give a file name."
FROM_STDIN = "standard input (--answers -)"
ANSWERS_FILE = "answers file '{path}'"
WHAT_ANSWERS_FILE = "answers file"
WHAT_CONTENT_FILE = "content file"
IS_EMPTY = "{label} is empty."
# What to write in an empty answers file (explore's and decide's): {example}
# is one line of YAML, {keys} the file's keys.
ANSWERS_FILE_HINT = "Write one answer a line, for example  {example}  (the keys: {keys})."
NOT_A_MAPPING = "{label} must be a mapping of question keys to answers, not a {kind}."
NOT_A_MAPPING_HINT = "For example:  risk_now: no"
UNKNOWN_KEY = "{label}: unknown key '{key}'."
ALLOWED_KEYS = "Allowed keys: {keys}."
ALLOWED_VALUES = "Allowed values for '{key}': {values}."
ALLOWED_VALUES_OLDER = "Allowed values for '{key}': {values} (older ids still read: {older})."
READ_AS = "{old} as {new}"
BAD_VALUE = "{label}: '{key}' has an invalid value {value}."
BAD_VALUE_LIST = "{label}: '{key}' has an invalid value {value} (one value, not a list)."
NOT_WITH_OTHERS = "{label}: '{key}' has '{choice}' with other values."
NOT_WITH_OTHERS_HINT = "'{choice}' ({label}) can't be combined with other answers."
FILE_IS_A_FOLDER = "{what} '{path}' is a folder, not a file."
GIVE_A_FILE_PATH = "Give the path of a file."
FILE_MISSING = "{what} '{path}' does not exist."
CHECK_THE_PATH = "Check the path."
CANNOT_READ = "cannot read {what} '{path}': {problem}."
NOT_TEXT = "{label} is not a text file."
NOT_TEXT_HINT = "Give a YAML or JSON text file."
NOT_UTF8 = "{label} is not UTF-8 text."
NOT_UTF8_HINT = "Save it as UTF-8."
# A file refused before it is read, so that a huge file cannot eat memory.
# {size} and {limit} are numbers already written with their commas.
FILE_TOO_LARGE = "{what} '{path}' is too large ({size} bytes; the limit is {limit})."
TEXT_TOO_LARGE = "{label} is too large (the limit is {limit} bytes)."
# A YAML "billion laughs" file: aliases that expand without end.
TOO_MANY_ALIASES = "{label} uses too many YAML aliases ({aliases}); it is refused."
# A YAML or JSON file that can't be read. {problem} is the parser's own
# English words; {where} is AT_LINE_COLUMN, or nothing.
NOT_VALID_YAML = "{label} is not valid YAML{where}: {problem}."
NOT_VALID_JSON = "{label} is not valid JSON{where}: {problem}."
AT_LINE_COLUMN = " (line {line}, column {column})"
# A key given twice in one file (refused: the second would silently win).
KEY_TWICE = "{label} has the key '{key}' twice{lines}."
KEY_TWICE_LINES = " (line {first} and line {second})"
KEY_TWICE_HINT = "Keep one of them: a repeated key would silently replace the first."
# decide answers files. Keys ({key}, {where}), ids and values are kept as
# written; lists of ids come joined with LIST_SEPARATOR (and NAMES_OR).
# The file's answers to the SURE questions are the words yes and no, so they
# stay in English in every language; examples are the file's own YAML.
# {label} is ANSWERS_FILE, FROM_STDIN or, for options typed after `decide`
# with no answers file, OPTIONS_GIVEN.
OPTIONS_GIVEN = "the options given"
DECIDE_NOT_A_MAPPING = "{label} must be a mapping of keys to answers, not a {kind}."
ALLOWED = "Allowed: {values}."
FOR_EXAMPLE = "For example  {example}"
FOR_EXAMPLE_COLON = "For example:  {example}"
DECIDE_UNKNOWN_STEP = "{label}: '{key}' has an unknown step '{step}'."
DECIDE_NOT_ONE_OPTION = "{label}: '{topic}' is not one option."
DECIDE_NOT_ONE_OPTION_HINT = "Name options such as {examples} (see 'depression-guide topics')."
DECIDE_OPTIONS_COUNT = "{label}: '{key}' needs {fewest} to {most} different options, not {count}."
DECIDE_OPTIONS_COUNT_HINT = "For example: depression-guide decide cbt ssri exercise"
DECIDE_LEANING_NOT_A_NAME = "{label}: '{key}' must be one option's name, not {value}."
DECIDE_LEANING_NOT_CHOSEN = "{label}: '{key}' is {value}, which is not one of the options chosen."
DECIDE_NOT_A_LIST = "{label}: '{key}' must be a list of names."
DECIDE_RATINGS_NOT_A_MAPPING = "{label}: '{key}' must map each option to its reasons' stars."
DECIDE_RATED_NOT_CHOSEN = "{label}: '{where}' is not one of the options chosen."
DECIDE_THE_OPTIONS = "The options: {options}."
DECIDE_REASONS_NOT_A_MAPPING = "{label}: '{where}' must map reason ids to stars (0 to 5)."
DECIDE_REASONS_OF = "Reasons of {option}: {reasons}."
DECIDE_NO_SUCH_REASON = "{label}: '{where}': {option} has no reason '{reason}'."
DECIDE_ITS_REASONS = "Its reasons: {reasons}."
DECIDE_BAD_STARS = "{label}: '{where}' must be 0 to 5 stars, not {value}."
DECIDE_BAD_STARS_HINT = "Leave a reason out to skip it."
DECIDE_SURE_NOT_A_MAPPING = "{label}: '{key}' must map the SURE questions to yes or no."
DECIDE_THE_QUESTIONS = "The questions: {questions}."
DECIDE_NOT_A_SURE_QUESTION = "{label}: '{where}' is not a SURE question."
DECIDE_THEY_ARE = "They are: {questions}."
DECIDE_BAD_SURE_ANSWER = "{label}: '{where}' must be yes or no, not {value}."
# check phq9 and quiz answers given with --answers.
PHQ9_RULE = (
    "Give nine numbers from 0 to 3, separated by commas, one for each question in order "
    "(0 = not at all, 3 = nearly every day), and optionally a tenth (0 to 3) for how "
    "difficult the problems have made things. For example: --answers 0,1,2,0,1,0,0,1,0"
)
PHQ9_NOT_VALID = "the PHQ-9 answers are not valid: {problem}."
GOT_ANSWERS = "got {count} answers"
NOT_0_TO_3 = "'{answer}' is not 0, 1, 2 or 3"
QUIZ_RULE = (
    "Give {count} answers separated by commas, each myth, fact or partly, "
    "one for each statement in order."
)
QUIZ_COUNT = "the quiz has {count} statements, but {given} answers were given."
QUIZ_NOT_AN_ANSWER = "'{answer}' is not an answer the quiz takes."
# Said on stderr after saving: {what} is one of the three below.
SAVED_PRIVATE = "Saved {what} to {path} (only you can read it)."
WHAT_SUMMARY = "the summary"
WHAT_DECISION_GUIDE = "your decision guide"
WHAT_RESULT = "your result"

# --- the command-line parser's own words (click, vendored in typer) ------------------
# Its messages are f-strings, not translatable where they are made: cli_words.py
# reads each by its exception class and a strict pattern and says it again
# with these. A message it does not know stays in English. Names (TOPIC,
# --format, 'show') and the values a person typed are kept as they are.
MISSING_ARGUMENT = "Missing argument {name}."
MISSING_OPTION = "Missing option {name}."
MISSING_COMMAND = "Missing command."
NO_SUCH_COMMAND = "No such command {name}."
NO_SUCH_OPTION = "No such option: {name}"
POSSIBLE_OPTIONS = "(Possible options: {options})"
DID_YOU_MEAN = "Did you mean {names}?"
OPTION_NEEDS_VALUE = "Option {name} requires an argument."
OPTION_TAKES_NO_VALUE = "Option {name} does not take a value."
INVALID_VALUE = "Invalid value for {name}: {problem}"
NOT_ONE_OF = "{value} is not one of {choices}."
# --help: the headings, and the notes after an option's help (each shown in
# [brackets], as click writes them).
USAGE = "Usage: "
HELP_ARGUMENTS = "Arguments"
HELP_OPTIONS = "Options"
HELP_COMMANDS = "Commands"
HELP_DEFAULT = "default: {value}"
HELP_ENV_VAR = "env var: {name}"
HELP_REQUIRED = "required"
PAGER_HINT = "(Space for more, q to quit.)"
CTRL_C = "Press Ctrl-C at any time to stop."
EXPLORE_INTRO = (
    "A few questions about your situation. Each can be skipped: Enter alone skips a "
    "question and records nothing.\n" + CTRL_C + " {saving}\n\n"
)
SAVED_AT_THE_END = "Your summary is saved to {path} at the end."
NOTHING_SAVED_UNLESS = "Nothing is saved unless you ask."
DECIDE_HOW_FAR = "How far along are you?"
DECIDE_ROLE = "How would you like to decide?"
DECIDE_STEP_1 = "\nStep 1. The decision: {decision}\n"
DECIDE_STEP_2 = "\nStep 2. Your role.\n"
DECIDE_STEP_3 = "\nStep 3. How sure do you feel now? Four yes-or-no questions.\n"
DECIDE_STEP_4 = "\nStep 4. Weigh the options. For each reason, how much does it matter to you?\n"
DECIDE_LEANING = "Which option are you leaning towards now, if any?"
DECIDE_AGAIN = "\nNow the same four questions again.\n"
DECIDE_STEP_5 = "\nStep 5. Plan your next steps.\n"
DECIDE_NEXT = "What would you like to do next? (Choose any.)"
REASON_FOR = "{option}. A reason to choose it:\n{reason}"
REASON_AGAINST = "{option}. A reason to avoid it:\n{reason}"
PICK_OPTIONS = "Which options are you thinking about? (Choose {least} to {most}.)"
PICK_BETWEEN = "Choose {least} to {most} options."
RATINGS = (
    ("0 stars: does not matter", "0"),
    ("1 star", "1"),
    ("2 stars", "2"),
    ("3 stars", "3"),
    ("4 stars", "4"),
    ("5 stars: matters a lot", "5"),
)
YES_NO = (("Yes", "yes"), ("No", "no"))
PREFER_NOT = "Prefer not to say"
PHQ9_NO_ANSWER = "(choose an answer below)"
PHQ9_CHOOSE_ONE = "Please choose one of the answers, or press Ctrl-C to stop.\n"
PHQ9_INTRO = "{stem}\nPress Ctrl-C at any time to stop; nothing is saved.\n\n"
OF_TOTAL = "{number} of {total}. {text}"


# --- translation ----------------------------------------------------------------------
# Which values a catalog translates: plain strings; in a tuple of pairs or
# triples only the first item (the label; the rest are ids such as "html");
# a dict's values. The catalog's context (msgctxt) is the constant's name.
_ENGLISH: dict[str, Any] = {
    name: value for name, value in globals().items() if name.isupper() and name[0] != "_"
}


# Messages whose form depends on a number: the catalog picks the form (Arabic
# has six), never an `if count == 1` here.
PLURALS: dict[str, tuple[str, str]] = {
    "STARS": ("{count} star", "{count} stars"),
    # click says "Got unexpected extra argument(s) (a b)" in English; other
    # languages say it in the form their grammar needs for the count.
    "EXTRA_ARGUMENTS": (
        "Got an unexpected extra argument ({arguments})",
        "Got unexpected extra arguments ({arguments})",
    ),
}


def _english_plural(_context: str, one: str, many: str, count: int) -> str:
    return one if count == 1 else many


_plural: Callable[[str, str, str, int], str] = _english_plural


def plural(name: str, count: int, **fields: str) -> str:
    """A message with a number in it, in the form the language uses for `count`."""
    one, many = PLURALS[name]
    return _plural(name, one, many, count).format(count=count, **fields)


def _as_written(_context: str, text: str) -> str:
    return text


_translate: Callable[[str, str], str] = _as_written


def dynamic(context: str, text: str) -> str:
    """Text known only at run time (the commands' --help texts, context HELP)
    through this run's catalog; as written when it has no translation."""
    return _translate(context, text)


def _map(value: Any, translate: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return translate(value)
    if isinstance(value, dict):
        return {key: translate(text) for key, text in value.items()}
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        return tuple((translate(item[0]), *item[1:]) for item in value)
    if isinstance(value, tuple):
        return tuple(translate(item) for item in value)
    return value


def messages() -> Iterator[tuple[str, str]]:
    """Every (context, English text) a catalog may translate, in file order."""
    for name, value in _ENGLISH.items():
        found: list[str] = []

        def keep(text: str, found: list[str] = found) -> str:
            found.append(text)
            return text

        _map(value, keep)
        yield from ((name, text) for text in found)


def english(name: str) -> Any:
    """A constant as written in English, whatever the run's language."""
    return _ENGLISH[name]


def install(
    code: str,
    translate: Callable[[str, str], str],
    plurals: Callable[[str, str, str, int], str] | None = None,
) -> None:
    """Put this run's language in place: every constant through `translate(context, text)`.

    Called once a run, before anything is shown; English restores the originals.
    """
    global lang, _plural, _translate
    lang = code
    _translate = translate

    def each_form(context: str, one: str, many: str, count: int) -> str:
        return translate(context, one if count == 1 else many)

    _plural = plurals or each_form
    for name, value in _ENGLISH.items():
        globals()[name] = _map(value, functools.partial(translate, name))
