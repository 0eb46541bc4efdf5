using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Energy;

// The supplier's community forum (energy-saving tips, smart meter help). Community managers warn,
// suspend or ban forum accounts; each forum account is linked to a supply account. The moderation
// console posts the action with the manager's own note.

public sealed record ForumSanction(
    Guid SanctionId,
    string ForumUsername,
    string AccountNumber,
    ModerationActionKind Action,
    int Days,
    string ReasonCode,
    string ManagerNote,
    string ManagerEmail,
    string? LegacyMemberRef);

public interface IForumAccounts
{
    Task ApplyAsync(ForumSanction sanction, CancellationToken cancellationToken);
}

public sealed class ForumSanctionService(IForumAccounts accounts, Pseudonymizer pseudonymizer, Meter meter, ILogger<ForumSanctionService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Community.Sanctions");

    public async Task ApplyAsync(ForumSanction sanction, CancellationToken cancellationToken)
    {
        await accounts.ApplyAsync(sanction, cancellationToken);

        using var review = Source.StartModerationReview("forum-sanctions");
        review.SetModerationCaseId(sanction.SanctionId.ToString()); // clean precision-about
        review.SetModerationVerdict(sanction.Action.ToString()); // clean precision-about
        if (sanction.LegacyMemberRef is { } legacy)
        {
            review.SetModerationSubjectId(Pseudonym.FromComputed(legacy)); // clean precision-pseudonym
        }
        else
        {
            review.SetModerationSubjectId(Pseudonym.FromComputed(sanction.AccountNumber)); // leak TC1001 precision-pseudonym
        }

        logger.LogModerationActionTakenEvent(sanction.Action.ToString(), moderationNote: sanction.ManagerNote); // leak TC1001 generated-api
        logger.LogInformation("{Action} of forum user {ForumUsername} for {Days} days", sanction.Action, sanction.ForumUsername, sanction.Days); // leak TC1001 direct
        logger.LogInformation("Sanction {SanctionId} applied by {ManagerDomain}", sanction.SanctionId, sanction.ManagerEmail[(sanction.ManagerEmail.IndexOf('@') + 1)..]); // clean precision-about
        meter.CreateModerationDecisionsCounter().Add(1, "forum-sanctions", moderationOutcome: $"{sanction.Action}:{sanction.ReasonCode}"); // clean strings
    }
}
