# bash completion for strata. The commands and each command's options are read from
# `strata --help` and `strata COMMAND --help`, so the completion always matches the binary.

_strata_commands()
{
    strata --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}

_strata_options()
{
    # Options of one command (or the global ones): every --long and -s on the option lines.
    strata "$@" --help 2>/dev/null | grep -E '^  -' | awk -F '  +' '{ print $2 }' |
        grep -oE '(^|[ ,])--?[a-zA-Z][a-zA-Z-]*' | tr -d ' ,'
}

_strata()
{
    local cur prev words cword
    _init_completion || return

    case $prev in
        -d|--directory)
            _filedir -d
            return ;;
        --database|--lock-timeout|-m|--message|--rev-id|--branch-label|--head|--depends-on|-r|--rev-range|--dialect)
            return ;;
    esac

    # The command word is the first positional argument after the global options.
    local i command=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -d|--directory|--database|--lock-timeout) ((i++)) ;;
            -*) ;;
            *) command=${words[i]}; break ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "-d --directory --database --lock-timeout -h --help --version" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_strata_commands)" -- "$cur"))
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_strata_options "$command")" -- "$cur"))
    elif [[ $command == init ]]; then
        _filedir -d
    fi
} &&
    complete -F _strata strata
