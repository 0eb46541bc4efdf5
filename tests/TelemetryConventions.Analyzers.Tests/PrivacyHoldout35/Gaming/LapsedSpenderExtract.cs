using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Gaming;

public sealed record PlayerWeek(string PlayerId, string Gamertag, string Country, string AgeBand, string Platform, DateOnly InstallWeek, decimal SpendLast28Days, int DaysSinceLastSession);

/// <summary>Options of the weekly extract; raw ids on the span were turned on while the CRM joins were debugged.</summary>
public sealed record WinbackOptions(bool TraceRawPlayerIds);

public sealed record CohortRetention(DateOnly InstallWeek, string Country, int Installs, int ActiveDay7);

public interface IPlayerMart
{
    Task<IReadOnlyList<PlayerWeek>> ReadWeekAsync(DateOnly week, CancellationToken cancellationToken);
}

/// <summary>
/// The weekly analytics extract: retention by install cohort for the dashboard (small cohorts
/// suppressed, equivalence classes checked before the table is published), and the list of lapsed
/// high spenders handed to the CRM team's win-back campaign.
/// </summary>
public sealed class LapsedSpenderExtract(
    IPlayerMart mart,
    IDataLakeClient lake,
    TelemetrySecrets secrets,
    WinbackOptions options,
    Pseudonymizer pseudonymizer,
    ILogger<LapsedSpenderExtract> logger)
{
    private const int MinimumCohort = 10;
    private const int MinimumClass = 5;
    private static readonly ActivitySource Source = new("Arcade.Analytics.Weekly");
    private static readonly Meter Meter = new("Arcade.Analytics.Weekly");
    private static readonly Counter<long> Lapsed = Meter.CreateCounter<long>("winback.lapsed", "{player}");

    public async Task RunAsync(DateOnly week, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("analytics.weekly");
        Baggage.SetBaggage("report.week", week.ToString("yyyy-MM-dd")); // clean direct
        var players = await mart.ReadWeekAsync(week, cancellationToken);

        var cohorts = players
            .GroupBy(p => (p.InstallWeek, p.Country))
            .Select(g => new CohortRetention(g.Key.InstallWeek, g.Key.Country, g.Count(), g.Count(p => p.DaysSinceLastSession <= 7)))
            .ToList();
        var published = cohorts.Where(c => c.Installs >= MinimumCohort).ToList();
        activity?.SetTag("report.cohorts.suppressed", cohorts.Count - published.Count); // clean precision-about
        foreach (var cohort in published.Where(c => c.Installs > 1000))
        {
            logger.LogInformation("Cohort {InstallWeek}/{Country}: D7 retention {Rate:P1}", cohort.InstallWeek, cohort.Country, (double)cohort.ActiveDay7 / cohort.Installs); // clean precision-about
        }

        foreach (var small in players.GroupBy(p => $"{p.Country}/{p.AgeBand}/{p.Platform}").Where(g => g.Count() < MinimumClass))
        {
            logger.LogWarning("Equivalence class {Class} has only {Size} players; generalising", small.Key, small.Count()); // clean strings
        }

        var lapsed = players.Where(p => p.SpendLast28Days >= 100m && p.DaysSinceLastSession > 14).ToList();
        activity?.SetTag("winback.lapsed.count", lapsed.Count); // clean precision-about
        logger.LogInformation("Lapsed high spenders this week: {Players}", lapsed.Select(p => p.Gamertag)); // leak TC1001 logging-objects

        foreach (var player in lapsed)
        {
            var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(player.PlayerId))[0] & 3;
            Lapsed.Add(1, new KeyValuePair<string, object?>("winback.cohort", cohort)); // clean hashes
            Lapsed.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputePipelineSubjectId(player.PlayerId))); // leak TC1003 precision-pseudonym
            activity?.SetTag("winback.holdout", (HashCode.Combine(player.PlayerId) & 7) == 0); // leak TC1002 hashes
        }

        if (lapsed.Count > 0)
        {
            var top = lapsed.MaxBy(p => p.SpendLast28Days)!;
            if (options.TraceRawPlayerIds)
            {
                TagSpender(activity, top.PlayerId, top.SpendLast28Days); // leak TC1001 cross-member
            }
            else
            {
                TagSpender(activity, pseudonymizer.ComputePipelineSubjectId(top.PlayerId), top.SpendLast28Days); // clean cross-member
            }
        }

        var path = $"crm/winback/{week:yyyy-MM-dd}/lapsed.csv";
        await using var buffer = new MemoryStream();
        using (var csv = new CsvFileWriter(new StreamWriter(buffer, leaveOpen: true)))
        {
            csv.WriteHeader(["player_id", "gamertag", "country", "spend_28d"]);
            foreach (var player in lapsed)
            {
                var line = csv.WriteRecord([player.PlayerId, player.Gamertag, player.Country, player.SpendLast28Days.ToString("0.00")]);
                if (csv.Records == 1)
                {
                    logger.LogDebug("First CRM record: {Line}", line); // leak TC1001 strings
                }
            }
        }

        var uri = await lake.UploadAsync(path, new MemoryStream(buffer.ToArray()), overwrite: true, cancellationToken);
        logger.LogInformation("Win-back list written to {Uri}", uri); // clean strings
    }

    /// <summary>Puts the biggest lapsed spender on the report's span for the CRM team's dashboard.</summary>
    private static void TagSpender(Activity? activity, string playerId, decimal spend)
    {
        activity?.SetTag("winback.top.player", playerId); // leak TC1001 direct
        activity?.SetTag("winback.top.spend", spend);
    }
}
