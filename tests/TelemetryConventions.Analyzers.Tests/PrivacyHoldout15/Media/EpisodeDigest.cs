using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Hangfire;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Media;

public sealed record NewEpisode(string TitleId, string SeriesName, int Season, int Episode);

public sealed record DigestRecipient(Guid SubscriberId, string Email, string ProfileName, string Locale, IReadOnlyList<string> FollowedTitleIds);

public interface IDigestAudience
{
    IAsyncEnumerable<DigestRecipient> FollowersAsync(IReadOnlyCollection<string> titleIds, CancellationToken cancellationToken);
}

public interface IExportStore
{
    Task<Uri> WriteAsync(string fileName, string content, CancellationToken cancellationToken);
}

public static partial class DigestLog
{
    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Digest for {ProfileName} lists {Count} new episodes")]
    public static partial void DigestBuilt(ILogger logger, string profileName, int count);

    [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "Digest run {RunId} sent {Sent} emails, skipped {Skipped}")]
    public static partial void RunFinished(ILogger logger, string runId, int sent, int skipped);

    [LoggerMessage(EventId = 902, Level = LogLevel.Information, Message = "Opt-out export {FileName} written with {Rows} rows")]
    public static partial void ExportWritten(ILogger logger, string fileName, int rows);
}

/// <summary>Weekly "new on your watchlist" email, run as a Hangfire job.</summary>
public sealed class EpisodeDigestJob(IDigestAudience audience, IEmailSender email, IExportStore exports, Pseudonymizer pseudonymizer, ILogger<EpisodeDigestJob> logger, TimeProvider clock)
{
    private static readonly ActivitySource Source = new("Streaming.Digest");
    private const string Line = "<li>{0} – season {1}, episode {2}</li>";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(IReadOnlyList<NewEpisode> episodes, PerformContext context, CancellationToken cancellationToken)
    {
        using var run = Source.StartJobRun("episode-digest").SetJobRunId(context.BackgroundJob.Id); // clean precision-names
        var byTitle = episodes.ToLookup(e => e.TitleId);
        int sent = 0, skipped = 0;

        await foreach (var recipient in audience.FollowersAsync(byTitle.Select(g => g.Key).ToList(), cancellationToken))
        {
            var mine = recipient.FollowedTitleIds.SelectMany(id => byTitle[id]).ToList();
            if (mine.Count == 0)
            {
                skipped++;
                continue;
            }

            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Subscriber"] = pseudonymizer.ComputeNotifyRecipientId(recipient.SubscriberId.ToString()), ["Locale"] = recipient.Locale }); // clean logging-objects
            var culture = CultureInfo.GetCultureInfo(recipient.Locale);
            var list = new StringBuilder();
            foreach (var episode in mine)
            {
                list.AppendFormat(culture, Line, episode.SeriesName, episode.Season, episode.Episode);
            }

            var greeting = string.Format(culture, "Hi {0}, {1} new episodes are waiting", recipient.ProfileName, mine.Count);
            await email.SendEmailAsync(recipient.Email, greeting, $"<p>{greeting}</p><ul>{list}</ul>");
            DigestLog.DigestBuilt(logger, recipient.ProfileName, mine.Count); // leak TC1001 direct
            run.Activity?.AddEvent(new ActivityEvent("digest.sent", tags: new ActivityTagsCollection { ["digest.episodes"] = mine.Count, ["digest.series"] = string.Join("|", mine.Select(e => e.SeriesName).Distinct()) })); // clean precision-about
            run.Activity?.AddEvent(new ActivityEvent("digest.greeting", tags: new ActivityTagsCollection { ["text"] = greeting })); // leak TC1001 strings
            sent++;
        }

        run.SetJobItemCount(sent);
        DigestLog.RunFinished(logger, context.BackgroundJob.Id, sent, skipped); // clean precision-names
    }

    /// <summary>Writes the week's opt-outs as CSV for the marketing team.</summary>
    public async Task ExportOptOutsAsync(IReadOnlyList<(string Email, string ProfileName, DateTimeOffset At)> optOuts, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("email,profile,opted_out_at\n");
        foreach (var (address, profile, at) in optOuts)
        {
            if (address.Contains(','))
            {
                logger.LogWarning("Skipping opt-out row with a comma in the address: {Row}", $"{address},{profile},{at:O}"); // leak TC1001 strings
                continue;
            }
            csv.Append(address).Append(',').Append(profile).Append(',').AppendLine(at.ToString("O"));
        }

        var fileName = $"opt-outs-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        var uri = await exports.WriteAsync(fileName, csv.ToString(), cancellationToken); // clean direct
        DigestLog.ExportWritten(logger, fileName, optOuts.Count); // clean precision-names
        Activity.Current?.SetTag("export.uri", uri.ToString()); // clean strings
    }
}
