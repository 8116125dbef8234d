package cn.consumerexchange.gateway.deadline;

/** What a calendar file says of a day; a day it does not list follows the ordinary week. */
public enum DayKind {
    /** A day off (节假日), whatever its weekday. */
    HOLIDAY,
    /** A Saturday or Sunday made a working day (调休上班). */
    WORKING_DAY
}
