using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Crm;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Education;

/// <summary>What a prospective student types into the course enquiry form.</summary>
public sealed record CourseEnquiry(string Email, string FirstName, string LastName, string CourseCode, string? Question, string UtmSource, bool MarketingOptIn);

public sealed record DuplicateGroup(string MatchRule, double Score, IReadOnlyList<CrmContact> Contacts);

/// <summary>Turns course enquiries into CRM leads and merges the duplicate contacts the CRM's matcher finds.</summary>
public sealed class AdmissionsLeadSync(ICrmClient crm, Pseudonymizer pseudonymizer, ILogger<AdmissionsLeadSync> logger)
{
    private static readonly ActivitySource Source = new("University.Admissions.Crm");

    public async Task<string> CaptureAsync(CourseEnquiry enquiry, CancellationToken cancellationToken)
    {
        using var span = Source.StartCrmSync("lead");
        span.SetCrmSyncDirection("push");
        var domain = new MailAddress(enquiry.Email).Host;
        Activity.Current?.SetTag("lead.email_domain", domain); // clean precision-about
        Activity.Current?.SetTag("lead.course", enquiry.CourseCode);
        Activity.Current?.SetTag("lead.utm_source", enquiry.UtmSource); // clean precision-names

        var existing = await crm.SearchContactsAsync("email", enquiry.Email, cancellationToken);
        if (existing.Count > 0)
        {
            span.SetCrmOutcome("existing-contact");
            span.SetCrmContactId(pseudonymizer.PseudonymizeCrmContactId(existing[0].Id)); // clean precision-pseudonym
            logger.LogInformation("Enquiry for {Course} matched {Matches} existing contacts", enquiry.CourseCode, existing.Count); // clean precision-about
            return existing[0].Id;
        }

        var lead = await crm.CreateLeadAsync(new CrmLead { Id = string.Empty, Email = enquiry.Email, Source = enquiry.UtmSource }, cancellationToken);
        span.SetCrmOutcome($"lead created for {enquiry.FirstName} {enquiry.LastName}"); // leak TC1001 generated-api
        logger.LogInformation("Lead {LeadId} created from the {Course} enquiry form", lead.Id, enquiry.CourseCode); // leak TC1001 direct
        if (!string.IsNullOrWhiteSpace(enquiry.Question))
        {
            logger.LogDebug("Enquiry question ({Length} chars): {Question}", enquiry.Question.Length, enquiry.Question); // leak TC1001 direct
        }
        return lead.Id;
    }

    /// <summary>Merges each duplicate group into its oldest contact.</summary>
    public async Task MergeAsync(IReadOnlyList<DuplicateGroup> groups, CancellationToken cancellationToken)
    {
        foreach (var group in groups)
        {
            var ordered = group.Contacts.OrderBy(c => c.UpdatedAt).ToList();
            var survivor = ordered[0];
            using var span = Source.StartCrmSync("contact");
            span.SetCrmOutcome("merge");
            span.SetCrmFieldCount(ordered.Count);
            Activity.Current?.SetTag("crm.merge.rule", group.MatchRule); // clean precision-names
            Activity.Current?.SetTag("crm.merge.score", group.Score); // clean precision-about

            foreach (var duplicate in ordered.Skip(1))
            {
                var merged = await crm.MergeContactsAsync(survivor.Id, duplicate.Id, cancellationToken);
                logger.LogInformation("Merged {Loser} into {Survivor}, {Moved} activities moved", duplicate.Id, merged.SurvivingId, merged.MovedActivities); // leak TC1001 direct
            }

            var emails = ordered.Select(c => c.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            logger.LogDebug("Merge group by {Rule}: {Emails}", group.MatchRule, emails); // leak TC1001 logging-objects
            logger.LogInformation("Merge group by {Rule}: {Distinct} distinct emails of {Contacts} contacts", group.MatchRule, emails.Count, ordered.Count); // clean precision-about
        }
    }
}
