# The settings program, winebio.exe, run as a user runs it (wine winebio
# <command>) on the virtual sensors: every command, and its failures.
# Sourced by run-tests.sh, whose functions and runner.sh's it uses; once
# the feeder runs, winebio_checks LOADER PROGRAM ARCH runs the checks.
# Each check is one run of the program (or two, where the second shows
# what the first left) and asserts its exit status and what it printed.
#
# Copyright the winbio project developers
# SPDX-License-Identifier: LGPL-2.1-or-later

# winebio_play OUT ACTIONS COMMAND...: runs COMMAND, answering each prompt
# to touch the sensor with the next of ACTIONS: requests to the feeder,
# with + for their spaces and , between two ("IMAGE+whorl.pgm",
# "STORAGE+INSERT+a,STORAGE+SCAN+a"), or INT for a Ctrl+C.  After a bad touch the finger lifts, as a user's does.
# OUT gets the output without carriage returns, and last the line "exit
# status N".  Nothing may buffer between the program and the loop: the
# prompt has to arrive while the program waits.
winebio_play()
{
    local out=$1 actions=$2 line
    shift 2
    ( timeout -k 10 120 "$@" 2>&1; echo "exit status $?" ) |
        while IFS= read -r line; do
            printf '%s\n' "$line"
            case $line in
            *"bad touch"*) vsensor_send "IMAGE_FINGER_NOW 0" >/dev/null ;;
            *[Tt]ouch*)
                set -- $actions
                [ $# -gt 0 ] || continue
                actions=${actions#"$1"}
                actions=${actions# }
                case $1 in
                INT) winebio_interrupt ;;
                *) echo "$1" | tr ,+ '\n ' | while IFS= read -r request; do
                       vsensor_send "$request" >/dev/null
                   done ;;
                esac ;;
            esac
        done | tr -d '\r' >"$out"
    cat "$out"
}

# Ctrl+C: Wine turns SIGINT into the console's CTRL_C_EVENT.  Only the
# settings program gets it, not the start.exe that runs it for "wine winebio".
winebio_interrupt()
{
    local file pid
    for file in $(grep -lzxF "WINEPREFIX=$WINEPREFIX" /proc/[0-9]*/environ 2>/dev/null); do
        pid=${file#/proc/}
        pid=${pid%/environ}
        case $( { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) in
        *[\\/]winebio.exe\ *) echo "(Ctrl+C to process $pid)"; kill -INT "$pid" ;;
        esac
    done
}

# winebio ACTIONS ARGS...: one run of the program with the sensors; its
# output is in $out
winebio()
{
    local actions=$1
    shift
    winebio_serial=$((winebio_serial + 1))
    out=$work/winebio-$winebio_serial.out
    winebio_play "$out" "$actions" env $sensor_env $winebio_loader "$winebio_program" "$@"
}

# ends_with STATUS: the last run exited with STATUS
ends_with()
{
    tail -n 1 "$out" | grep -qx "exit status $1" && return 0
    echo "expected exit status $1"
    return 1
}

# has LINE-PATTERN...: each grep pattern matches a line of the last run
has()
{
    for pattern in "$@"; do
        grep -q -e "$pattern" "$out" && continue
        echo "no line matches: $pattern"
        return 1
    done
}

# fails_with STATUS PATTERN: the last run failed with STATUS and said why
# in one line on standard error, and that line matches PATTERN
fails_with()
{
    ends_with "$1" || return 1
    # what is left beside the prompts: exactly the one line
    lines=$(grep -v '^exit status\|^[Tt]ouch\|\[y/N\]\|^(Ctrl+C' "$out")
    [ "$(printf '%s\n' "$lines" | wc -l)" -eq 1 ] || { echo "more than one line"; return 1; }
    printf '%s\n' "$lines" | grep -q "^winebio: .*$2" || { echo "no line 'winebio: ...$2'"; return 1; }
}

# fingers_on UNIT FINGERS: list --unit UNIT shows exactly these fingers
fingers_on()
{
    winebio "" --unit "$1" list && ends_with 0 && has "^    your fingers:  $2\$"
}

# the prints: whorl and its other impressions are one finger, loop-right another
image_enroll="IMAGE+whorl.pgm IMAGE+whorl.pgm IMAGE+whorl.pgm IMAGE+whorl.pgm IMAGE+whorl.pgm"
storage_enroll="STORAGE+SCAN+finger-a STORAGE+SCAN+finger-a STORAGE+SCAN+finger-a STORAGE+SCAN+finger-a"
storage_enroll="$storage_enroll $storage_enroll"

w_help()
{
    winebio "" --help && ends_with 0 &&
        has "^  list " "^  enroll <finger>" "^  verify \[<finger>\]" "^  identify " "^  delete <finger>|all" \
            "^  capture <file.bmp>" "^  --unit N" "^  --yes" "^Fingers: right-thumb, right-index, .*left-little\$"
}

w_usage()
{
    winebio "" && ends_with 2 && has "^Usage: winebio" &&
    winebio "" frobnicate && fails_with 2 "unknown command 'frobnicate'" &&
    winebio "" --frob list && fails_with 2 "unknown option --frob" &&
    winebio "" --unit x list && fails_with 2 "--unit needs the number of a unit" &&
    winebio "" list extra && fails_with 2 "too many arguments: extra" &&
    winebio "" enroll && fails_with 2 "which finger?"
}

w_bad_finger()
{
    winebio "" enroll pinky && fails_with 2 "'pinky' is not a finger name; the names are right-thumb, .*left-little" &&
    winebio "" verify right-pinky && fails_with 2 "'right-pinky' is not a finger name" &&
    winebio "" delete thumb && fails_with 2 "'thumb' is not a finger name"
}

# no sensor at all: every command that needs one says so, and waits for nothing
w_no_sensor()
{
    for command in list identify verify "enroll right-index" "delete all --yes" "capture x.bmp"; do
        out=$work/winebio-nosensor.out
        winebio_play "$out" "" $winebio_loader "$winebio_program" $command &&
            fails_with 1 "no sensor .*WINBIO_E_SENSOR_UNAVAILABLE" || return 1
    done
}

w_bad_unit()
{
    winebio "" --unit 99 list && fails_with 1 "WINBIO_E_INVALID_UNIT" &&
    winebio "" --unit 99 enroll right-index && fails_with 1 "WINBIO_E_INVALID_UNIT"
}

# the units, numbered as they are enumerated; the image sensor's and the
# storage sensor's numbers are used from here on
w_list_empty()
{
    winebio "" list && ends_with 0 || return 1
    image_unit=$(sed -n 's/^unit \([0-9]*\): Virtual image device.*/\1/p' "$out")
    storage_unit=$(sed -n 's/^unit \([0-9]*\): Virtual device with storage.*/\1/p' "$out")
    echo "image sensor: unit $image_unit, storage sensor: unit $storage_unit"
    [ -n "$image_unit" ] && [ -n "$storage_unit" ] &&
        [ "$(grep -c '^unit [0-9]*: ' "$out")" -eq 3 ] &&
        [ "$(grep -c '^    your fingers:  none enrolled$' "$out")" -eq 3 ] &&
        has "^    manufacturer:  libfprint\$" "^    model:         virtual_image\$" "^    pool:          system\$" \
            "^    instance id:   LIBFPRINT\\\\virtual_image\\\\"
}

w_none_enrolled()
{
    winebio "" verify && fails_with 1 "you have no fingers enrolled" &&
    winebio "" verify left-thumb && fails_with 1 "your left thumb is not enrolled" &&
    winebio "" delete all --yes && fails_with 1 "you have no fingers enrolled" &&
    winebio "" delete right-index --yes && fails_with 1 "your right index finger is not enrolled" &&
    winebio "IMAGE+whorl.pgm" --unit $image_unit identify && fails_with 1 "no match: nobody enrolled this finger"
}

# five touches, one of them bad: its reason in words, and the touch again
w_enroll()
{
    winebio "IMAGE+whorl.pgm IMAGE_RETRY+1 $image_enroll" --unit $image_unit enroll right-index && ends_with 0 &&
        has "^touch 1 of 5: " "^touch 2 of 5: " "^bad touch: too short; swipe more slowly" "^touch 2 of 5 again: " \
            "^touch 5 of 5: " "^Done: your right index finger is enrolled on unit $image_unit\.\$" \
            "^your fingers:  right-index\$" &&
        [ "$(grep -c '^touch ' "$out")" -eq 6 ] && fingers_on $image_unit right-index
}

w_enroll_again()
{
    winebio "$image_enroll" --unit $image_unit enroll right-index && ends_with 0 &&
        has "^Done: your right index finger was already enrolled on unit $image_unit; the template enrolled before is kept\.\$"
}

# The sensor with storage already holds this finger (another program
# enrolled it there): the enrollment is refused as a duplicate, and nothing
# is saved.  (The virtual sensor's storage lasts as long as the process that
# opened it, hence the print is put there in the same run.)
w_duplicate()
{
    winebio "STORAGE+INSERT+finger-a,STORAGE+SCAN+finger-a $storage_enroll" --unit $storage_unit enroll left-index &&
        ends_with 1 &&
        has "^winebio: this finger is already enrolled, as another finger or by another account; nothing was saved\$" &&
        fingers_on $storage_unit "none enrolled"
}

w_identify()
{
    winebio "IMAGE+whorl-rot10.pgm" identify && ends_with 0 &&
        has "^Match: .*\\\\.*, right index finger (unit $image_unit)\.\$"
}

w_identify_none()
{
    winebio "IMAGE+loop-right.pgm" --unit $image_unit identify && fails_with 1 "no match: nobody enrolled this finger"
}

w_verify()
{
    winebio "IMAGE+whorl-shift4.pgm" verify right-index && ends_with 0 &&
        has "^Match: the finger is your right index finger (unit $image_unit)\.\$" &&
    winebio "IMAGE+whorl-rot4.pgm" --unit $image_unit verify && ends_with 0 &&
        has "^Match: the finger is your enrolled finger (unit $image_unit)\.\$"
}

w_verify_none()
{
    winebio "IMAGE+loop-right.pgm" --unit $image_unit verify right-index &&
        fails_with 1 "no match: the finger is not your right index finger"
}

# Ctrl+C after the first good touch: the enrollment is discarded, and the
# unit holds what it held before; the next one starts afresh and completes.
# That one has no --unit: of several sensors, the one touched first is used.
w_cancel()
{
    local touches="IMAGE+loop-right.pgm IMAGE+loop-right.pgm IMAGE+loop-right.pgm"
    winebio "IMAGE+whorl.pgm INT" --unit $image_unit enroll left-thumb &&
        ends_with 1 && has "^touch 2 of 5: " "^winebio: enrollment canceled: nothing was saved\$" &&
        fingers_on $image_unit right-index &&
    winebio "$touches $touches" enroll left-thumb && ends_with 0 &&
        has "^There are 3 sensors: touch the one to use" "^Enrolling your left thumb on unit $image_unit;" \
            "^touch 1 of 5: " && [ "$(grep -c '^touch ' "$out")" -eq 5 ] &&
        has "^your fingers:  right-index, left-thumb\$"
}

w_capture()
{
    rm -f "$work/capture.bmp"
    winebio "IMAGE+whorl.pgm" --unit $image_unit capture "$(winepath_of "$work/capture.bmp")" && ends_with 0 &&
        has "^Saved the picture from unit $image_unit, 256 x 256 pixels, as " &&
        [ "$(head -c 2 "$work/capture.bmp")" = BM ] && [ "$(wc -c <"$work/capture.bmp")" -eq 66614 ] &&
    winebio "IMAGE+whorl.pgm" --unit $image_unit capture 'Z:\no\such\folder\x.bmp' &&
        fails_with 1 "cannot save the picture"
}

# a user who is no administrator gets no raw session, and is told so
w_capture_refused()
{
    out=$work/winebio-refused.out
    rm -f "$work/refused.bmp"
    winebio_play "$out" "" env $sensor_env $winebio_loader "$winebio_nonadmin" "$winebio_program" \
        capture "$(winepath_of "$work/refused.bmp")" &&
        fails_with 1 "capture refused: raw samples are for administrators only (E_ACCESSDENIED)" &&
        [ ! -e "$work/refused.bmp" ]
}

# asked first: no keeps the finger, yes deletes it
w_delete()
{
    winebio "" --unit $image_unit delete right-index <<EOF && fails_with 1 "nothing deleted" &&
        fingers_on $image_unit "right-index, left-thumb" &&
n
EOF
    winebio "" --unit $image_unit delete right-index <<EOF && ends_with 0 && has "^deleted right-index from unit $image_unit\$" &&
y
EOF
        fingers_on $image_unit left-thumb
}

w_delete_all()
{
    winebio "" delete all --yes && ends_with 0 && has "^deleted left-thumb from unit $image_unit\$" &&
        fingers_on $image_unit "none enrolled" &&
    winebio "" delete all --yes && fails_with 1 "you have no fingers enrolled"
}

winebio_checks()
{
    winebio_loader=$1 winebio_program=$2
    local arch=$3
    winebio_nonadmin=build/$arch-windows/nonadmin.exe

    check "$arch winebio --help: the commands, options and finger names" w_help
    check "$arch winebio: usage errors are one line and exit status 2" w_usage
    check "$arch winebio: a wrong finger name is named, with the right ones" w_bad_finger
    check "$arch winebio: no sensor: every command says so" w_no_sensor
    check "$arch winebio --unit 99: WINBIO_E_INVALID_UNIT" w_bad_unit
    # what earlier tests enrolled for this account goes first
    winebio "" delete all --yes >/dev/null
    check "$arch winebio list: every unit, none enrolled" w_list_empty
    check "$arch winebio: no enrollments: verify, delete and identify say so" w_none_enrolled
    check "$arch winebio enroll: touch N of 5, a bad touch in words, the finger listed" w_enroll
    check "$arch winebio enroll: an enrolled finger is reported as such" w_enroll_again
    check "$arch winebio enroll: a duplicate finger is reported, and not saved" w_duplicate
    check "$arch winebio identify: who and which finger" w_identify
    check "$arch winebio identify: no match" w_identify_none
    check "$arch winebio verify: a finger, and any finger" w_verify
    check "$arch winebio verify: no match" w_verify_none
    check "$arch winebio enroll: Ctrl+C cancels, nothing half-enrolled" w_cancel
    check "$arch winebio capture: a BMP of the touch" w_capture
    check "$arch winebio capture: refused to a user who is no administrator" w_capture_refused
    check "$arch winebio delete: asks first" w_delete
    check "$arch winebio delete all --yes" w_delete_all
}
