using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Gaming;

/// <summary>A new starter from the HR system, a week before their first day.</summary>
public sealed record NewStarter(string EmployeeNumber, string GivenName, string FamilyName, string PersonalEmail, string Department, string Team, DateOnly StartDate, string LaptopAssetTag, string? PreviousEmployeeRef);

/// <summary>Creates a new starter's accounts and kit so that they can log in on day one.</summary>
public sealed class StarterProvisioning(IDirectoryAdmin directory, IChatWorkspaceAdmin chat, Pseudonymizer pseudonymizer, ILogger<StarterProvisioning> logger)
{
    private const string Domain = "ironbarkgames.com";
    private static readonly ActivitySource Source = new("Studio.IT.Onboarding");

    public async Task ProvisionAsync(NewStarter starter, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("onboarding.provision");
        activity?.SetTag("starter.department", starter.Department); // clean precision-names
        activity?.SetTag("starter.team", starter.Team); // clean precision-names
        activity?.SetTag("starter.laptop", starter.LaptopAssetTag); // clean precision-names
        activity?.SetTag("starter.days_to_start", starter.StartDate.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber); // clean precision-about

        logger.LogDebug("Provisioning {@Starter}", starter); // leak TC1001 logging-objects
        var upn = $"{starter.GivenName}.{starter.FamilyName}@{Domain}".ToLowerInvariant();
        DirectoryUser user;
        try
        {
            user = await directory.CreateUserAsync(upn, $"{starter.GivenName} {starter.FamilyName}", starter.EmployeeNumber, starter.Department, cancellationToken);
        }
        catch (DirectoryServiceException ex) when (ex.StatusCode == 409)
        {
            activity?.SetTag("onboarding.conflict", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("onboarding.conflict_code", ex.Code); // clean exceptions
            upn = $"{starter.GivenName}.{starter.FamilyName}{starter.StartDate:yy}@{Domain}".ToLowerInvariant();
            user = await directory.CreateUserAsync(upn, $"{starter.GivenName} {starter.FamilyName}", starter.EmployeeNumber, starter.Department, cancellationToken);
        }

        logger.LogInformation("Directory account {Upn} created", user.UserPrincipalName); // leak TC1001 direct
        await directory.AddToGroupAsync(user.ObjectId, $"team-{starter.Team}", cancellationToken);

        var memberId = await chat.InviteAsync(user.UserPrincipalName, $"{starter.GivenName} {starter.FamilyName}", new List<string> { "general", starter.Team }, cancellationToken);
        activity?.SetTag("starter.chat_member", memberId); // leak TC1001 direct
        activity?.SetTag("starter.ref", pseudonymizer.ComputeWorkforceEmployeeId(starter.EmployeeNumber)); // clean precision-pseudonym
        activity?.SetTag(WorkforceAttributes.EmployeeContact, pseudonymizer.Compute("workforce.contact", starter.PersonalEmail)); // leak TC1001 precision-pseudonym

        if (starter.PreviousEmployeeRef is { } rehireRef)
        {
            // Rehires: the old HR system kept the leaver's employee number in this field.
            using var rehire = Source.StartWorkforceApproval(Pseudonym.FromComputed(rehireRef)); // leak TC1001 precision-pseudonym
            rehire.SetWorkforceOutcome("rehire"); // clean precision-names
        }

        logger.LogInformation("Welcome pack sent to the personal address on {Domain}", starter.PersonalEmail.Split('@')[1]); // clean precision-about
    }
}
