using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Support.Calendaring;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Gaming;

public sealed record BracketMatch(Guid MatchId, int Round, string HomeTeam, string AwayTeam, DateTimeOffset StartsAt, string Server);

/// <summary>
/// Calendar of a team's bracket matches (GET /teams/{teamId}/matches.ics) and of one player's matches
/// across teams (GET /players/{playerId}/matches.ics).
/// </summary>
public sealed class MatchScheduleCalendar(Pseudonymizer pseudonymizer, ILogger<MatchScheduleCalendar> logger)
{
    private static readonly CalendarSerializer Serializer = new();

    public string ForTeam(string teamName, IReadOnlyList<BracketMatch> matches)
    {
        var ics = Build(matches);
        Activity.Current?.SetTag("feed.team", teamName); // clean precision-about
        Activity.Current?.SetTag("feed.matches", matches.Count); // clean precision-about
        logger.LogDebug("Team feed {Ics}", ics); // clean strings
        return ics;
    }

    public string ForPlayer(Guid playerId, string requestPath, IReadOnlyList<BracketMatch> matches)
    {
        var ics = Build(matches);
        Activity.Current?.SetTag("url.path", requestPath); // leak TC1001 strings
        Activity.Current?.SetTag("http.route", "/players/{playerId}/matches.ics"); // clean precision-names
        Activity.Current?.SetTag("feed.player", pseudonymizer.ComputeBookingSubjectId(playerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("feed.next_round", matches.Where(m => m.StartsAt > DateTimeOffset.UtcNow).Select(m => m.Round).DefaultIfEmpty().Min()); // clean precision-about
        return ics;
    }

    private static string Build(IReadOnlyList<BracketMatch> matches)
    {
        var calendar = new Calendar { ProductId = "-//Tournaments//EN" };
        foreach (var match in matches)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{match.MatchId:N}@tournaments.example.gg",
                Summary = $"Round {match.Round}: {match.HomeTeam} vs {match.AwayTeam}",
                Location = match.Server,
                DtStart = new CalDateTime(match.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(match.StartsAt.UtcDateTime.AddMinutes(45)),
            });
        }
        return Serializer.SerializeToString(calendar);
    }
}
