# bash completion for hashi. The commands and their options are read from hashi's own --help
# (once per shell), so they are always those of the hashi installed.

_hashi_commands() {
  if [[ -z ${_hashi_command_cache-} ]]; then
    _hashi_command_cache=$(hashi --help 2>/dev/null |
      sed -n '/^Commands:/,/^$/{/^  [a-z]/{s/^  \([a-z]*\).*/\1/;p}}')
  fi
  printf '%s\n' $_hashi_command_cache help
}

_hashi_options() {  # $1: a command, or "" for the global options
  if [[ -z $1 ]]; then
    printf '%s\n' --tm --quiet --json --help --version
  else
    hashi "$1" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | grep -vx -- '--help-all' | sort -u
  fi
}

_hashi() {
  local cur prev words cword
  if declare -F _init_completion >/dev/null; then
    _init_completion || return
  else
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi

  # The command: the first word that is not an option or the value of --tm.
  local command="" i
  for ((i = 1; i < cword; i++)); do
    case ${words[i]} in
      --tm) ((i++)) ;;
      -*) ;;
      *) command=${words[i]}; break ;;
    esac
  done

  case $prev in
    --tm|--srx|--tsv|--tmx|--tmx-dir|-o|--output|--en|--vi|--ja|--batch)
      compopt -o filenames 2>/dev/null
      COMPREPLY=($(compgen -f -- "$cur"))
      return ;;
    --lang|--from|--to|--srclang)
      COMPREPLY=($(compgen -W 'en vi ja' -- "$cur"))
      return ;;
    --on-duplicate)
      COMPREPLY=($(compgen -W 'skip replace keep' -- "$cur"))
      return ;;
  esac

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_hashi_options "$command")" -- "$cur"))
  elif [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "$(_hashi_commands)" -- "$cur"))
  elif [[ $command == help ]]; then
    COMPREPLY=($(compgen -W "$(_hashi_commands)" -- "$cur"))
  else
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}

complete -F _hashi hashi
