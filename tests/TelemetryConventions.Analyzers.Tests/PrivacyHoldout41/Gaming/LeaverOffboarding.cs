using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Gaming;

/// <summary>HR's leaver notification: who leaves, when, and why (from the leaver form's list).</summary>
public sealed record LeaverNotified(string EmployeeNumber, string WorkEmail, string DirectoryObjectId, string? ChatMemberId, DateOnly LastWorkingDay, string LeavingReason, string? ExitInterviewComments);

/// <summary>Thrown when an account cannot be switched off; names the account so IT can finish by hand.</summary>
public sealed class OffboardingStepFailedException(string step, string account, Exception inner)
    : Exception($"Offboarding step '{step}' failed for {account}.", inner);

/// <summary>
/// Switches off a leaver's access on their last working day: the directory account and its sessions,
/// the chat workspace, the build farm and the studio's source control groups.
/// </summary>
public sealed class LeaverOffboarding(
    IDirectoryAdmin directory,
    IChatWorkspaceAdmin chat,
    Pseudonymizer pseudonymizer,
    ILogger<LeaverOffboarding> logger) : INotificationHandler<LeaverNotified>
{
    private static readonly ActivitySource Source = new("Studio.IT.Offboarding");

    public async Task Handle(LeaverNotified leaver, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("offboarding.run");
        activity?.SetTag("leaver.reason", leaver.LeavingReason); // clean precision-names
        activity?.SetTag("leaver.last_working_day", leaver.LastWorkingDay.ToString("yyyy-MM-dd")); // clean precision-about
        activity?.SetTag("leaver.ref", pseudonymizer.ComputeWorkforceEmployeeId(leaver.EmployeeNumber)); // clean precision-pseudonym
        activity?.SetBaggage("leaver.email", leaver.WorkEmail); // leak TC1001 direct
        activity?.SetTag("leaver.exit_comments_given", !string.IsNullOrWhiteSpace(leaver.ExitInterviewComments)); // clean precision-about

        using (logger.BeginScope("Offboarding {Leaver}", leaver.WorkEmail)) // leak TC1001 logging-objects
        {
            try
            {
                await directory.DisableUserAsync(leaver.DirectoryObjectId, cancellationToken);
                var revoked = await directory.RevokeSessionsAsync(leaver.DirectoryObjectId, cancellationToken);
                logger.LogInformation("Directory account disabled, {Sessions} sessions revoked", revoked); // clean precision-about
            }
            catch (DirectoryServiceException ex)
            {
                throw new OffboardingStepFailedException("directory", leaver.DirectoryObjectId, ex);
            }

            if (leaver.ChatMemberId is { } memberId)
            {
                try
                {
                    await chat.DeactivateAsync(memberId, cancellationToken);
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Chat deactivation failed for member {Member}", memberId); // leak TC1001 direct
                }
            }
        }

        if (leaver.ExitInterviewComments is { Length: > 0 } comments)
        {
            logger.LogInformation("Exit interview: {Comments}", comments); // leak TC1001 direct
        }
    }
}

/// <summary>Logs what the offboarding handler lets escape before the message goes back to the queue.</summary>
public sealed class OffboardingFailureFilter(ILogger<OffboardingFailureFilter> logger)
{
    public void OnFailed(LeaverNotified message, Exception exception, int attempt)
    {
        Activity.Current?.SetStatus(ActivityStatusCode.Error, exception.Message); // leak TC1001 exceptions
        Activity.Current?.SetTag("offboarding.failure_type", exception.GetType().Name); // clean exceptions
        logger.LogWarning("Offboarding attempt {Attempt} failed; last working day {Day}", attempt, message.LastWorkingDay); // clean precision-about
    }
}
