using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout26.Retail;

/// <summary>A sale taken while the store's line was down, kept in the till's journal file.</summary>
public sealed record JournalEntry(string LocalReference, string TillId, int Lines, string? LoyaltyNumber, string? MemberRef, DateTimeOffset At);

/// <summary>
/// The till's offline journal: sales are appended to a JSON-lines file under the app data folder and
/// replayed to the store service when the line is back; the replay is traced and logged.
/// </summary>
public sealed class OfflineSalesJournal(string path, ILogger<OfflineSalesJournal> logger)
{
    private static readonly ActivitySource Source = new("Store.Pos");

    public Task AppendAsync(JournalEntry entry) => File.AppendAllLinesAsync(path, [JsonSerializer.Serialize(entry)]);

    public async Task ReplayAsync(Func<JournalEntry, Task> send)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var entries = (await File.ReadAllLinesAsync(path)).Select(l => JsonSerializer.Deserialize<JournalEntry>(l)!).ToList();
        using var activity = Source.StartActivity("pos.journal.replay");
        foreach (var entry in entries)
        {
            logger.LogInformation("Replaying offline sale {@Entry}", entry); // leak TC1001 logging-objects
            await send(entry);
            activity?.AddEvent(new ActivityEvent("pos.offline.replayed", tags: new ActivityTagsCollection { ["reference"] = entry.LocalReference, ["member"] = entry.MemberRef })); // clean precision-pseudonym
        }

        var members = entries.Where(e => e.LoyaltyNumber is not null).Select(e => e.LoyaltyNumber!).ToList();
        logger.LogInformation("Journal replayed: {Count} sales, {Members} with a member", entries.Count, members.Count); // clean precision-about
        logger.LogDebug("Members to re-credit: {Cards}", string.Join(",", members)); // leak TC1001 strings
        File.Delete(path);
    }
}
