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

namespace PrivacyHoldout29.Retail;

/// <summary>A customer's request to correct their details, from the account page or the store's service desk.</summary>
public sealed record RectificationRequest(string RequestId, string CustomerNumber, string? NewEmail, string? NewPhone, string? NewPostcode, string RaisedBy);

/// <summary>Thrown when the CRM already has another contact with the new email.</summary>
public sealed class EmailTakenException(string email) : Exception($"The email {email} already belongs to another customer");

/// <summary>Writes the privacy team's audit trail to the span of the request.</summary>
public sealed class PrivacyAudit(ILogger<PrivacyAudit> logger)
{
    public void Changed(string requestId, string field, string customerRef) =>
        Activity.Current?.AddEvent(new ActivityEvent("privacy.audit", tags: new ActivityTagsCollection { ["request"] = requestId, ["field"] = field, ["customer"] = customerRef }));

    public void ServiceDesk(string requestId, string colleagueEmail) =>
        logger.LogInformation("Request {RequestId} raised at the service desk by {ColleagueEmail}", requestId, colleagueEmail); // leak TC1001 direct
}

public sealed class RectificationHandler(ICrmClient crm, ILoyaltyCustomers customers, PrivacyAudit audit, Pseudonymizer pseudonymizer, ILogger<RectificationHandler> logger)
{
    private static readonly ActivitySource Source = new("Retail.PrivacyOps");

    public async Task<bool> HandleAsync(RectificationRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartDsrWorkflow("rectification");
        span.SetDsrRequestId(request.RequestId); // clean precision-names
        var customerRef = pseudonymizer.ComputeDsrSubjectId(request.CustomerNumber);
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(request.CustomerNumber)); // clean precision-pseudonym

        if (request.RaisedBy.Contains('@'))
        {
            audit.ServiceDesk(request.RequestId, request.RaisedBy); // leak TC1001 cross-member
        }

        var customer = await customers.ByCustomerNumberAsync(request.CustomerNumber, cancellationToken);
        if (customer is null)
        {
            span.SetDsrNote("customer not found");
            return false;
        }

        try
        {
            if (request.NewEmail is { } newEmail)
            {
                var clash = await crm.SearchContactsAsync("email", newEmail, cancellationToken);
                if (clash.Any(c => c.Properties.GetValueOrDefault("customer_number") != request.CustomerNumber))
                {
                    throw new EmailTakenException(newEmail);
                }

                Activity.Current?.SetTag("rectification.email.domain_changed", new MailAddress(newEmail).Host != new MailAddress(customer.Email).Host); // clean precision-about
                audit.Changed(request.RequestId, "email", customerRef); // clean cross-member
                logger.LogInformation("Email changed from {OldEmail} to {NewEmail}", customer.Email, newEmail); // leak TC1001 direct
                customer = customer with { Email = newEmail };
            }

            if (request.NewPhone is { } phone)
            {
                audit.Changed(request.RequestId, "phone", phone); // leak TC1001 cross-member
                customer = customer with { Phone = phone };
            }

            await customers.SaveAsync(customer, cancellationToken);
            await crm.UpsertContactAsync(new CrmUpsertInput("customer_number", customer.CustomerNumber, new Dictionary<string, string?> { ["email"] = customer.Email, ["phone"] = customer.Phone }), cancellationToken);
            span.SetDsrRecordsCount(2);
            return true;
        }
        catch (EmailTakenException ex)
        {
            span.SetDsrNote(ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Rectification {RequestId} refused: {Reason}", request.RequestId, ex.GetType().Name); // clean exceptions
            return false;
        }
        catch (CrmApiException ex)
        {
            logger.LogError(ex, "CRM update failed for rectification {RequestId}", request.RequestId); // leak TC1001 exceptions
            Activity.Current?.SetTag("crm.error.category", ex.Category); // clean exceptions
            return false;
        }
    }
}
