using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Transport;

public sealed record Employee(string FullName, string Email, string PhotocardNumber);

public sealed record SeasonTicketLoan(Guid LoanId, string EmployerName, string EmployerHrEmail, string Route, decimal Price, int Instalments, Employee Employee);

public sealed class PhotocardMismatchException(string photocardNumber, string route)
    : Exception($"Photocard {photocardNumber} is not valid for route {route}.");

public static partial class SeasonTicketLog
{
    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Season ticket agreement {LoanId} for photocard {Photocard}")]
    public static partial void AgreementCreated(ILogger logger, Guid loanId, string photocard);
}

/// <summary>Employer season-ticket loans: the employee and the employer's HR contact sign the agreement.</summary>
public sealed class SeasonTicketAgreementService(
    IEnvelopesApi envelopes,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SeasonTicketAgreementService> logger)
{
    private const string AccountId = "3c2d9f18-season-tickets";
    private static readonly ActivitySource Source = new("Transit.SeasonTickets");

    public async Task<string> SendAsync(SeasonTicketLoan loan, CancellationToken cancellationToken)
    {
        var employee = loan.Employee;
        var definition = new EnvelopeDefinition
        {
            TemplateId = "season-ticket-loan-2025",
            EmailSubject = $"Season ticket loan for {loan.EmployerName}: {loan.Route}",
            Status = "sent",
            TemplateRoles =
            {
                new TemplateRole { RoleName = "Employee", Name = employee.FullName, Email = employee.Email, Tabs = new Tabs { TextTabs = { new TextTab { TabLabel = "photocard", Value = employee.PhotocardNumber } } } },
                new TemplateRole { RoleName = "Employer", Name = loan.EmployerName, Email = loan.EmployerHrEmail },
            },
        };

        using var span = Source.StartEsignEnvelopeSend("docusign");
        span.SetEsignSignerId(pseudonymizer.PseudonymizeEsignSignerId(employee.PhotocardNumber)); // clean precision-pseudonym
        span.SetEsignRecipientCount(definition.TemplateRoles.Count); // clean precision-about
        logger.LogInformation("Sending loan agreement: {Subject}", definition.EmailSubject); // clean strings
        Activity.Current?.SetTag("season.employer", loan.EmployerName); // clean precision-names

        var summary = await envelopes.CreateEnvelopeAsync(AccountId, definition, cancellationToken);
        span.SetEsignEnvelopeId(summary.EnvelopeId);
        SeasonTicketLog.AgreementCreated(logger, loan.LoanId, employee.PhotocardNumber); // leak TC1001 cross-member
        logger.LogInformation("Agreement {EnvelopeId} awaits HR approval from {Hr}", summary.EnvelopeId, loan.EmployerHrEmail); // leak TC1001 direct
        Activity.Current?.SetTag(EsignAttributes.SignerContact, employee.Email); // leak TC1001 generated-api
        meter.CreateEsignEnvelopesCounter().Add(1, esignProvider: "docusign", esignEnvelopeStatus: summary.Status, esignOutcome: $"{loan.Instalments}-instalments"); // clean generated-api
        return summary.EnvelopeId;
    }

    public bool Validate(SeasonTicketLoan loan, IReadOnlySet<string> validRoutes)
    {
        if (validRoutes.Contains(loan.Route))
        {
            return true;
        }

        var error = new PhotocardMismatchException(loan.Employee.PhotocardNumber, loan.Route);
        Activity.Current?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
        Activity.Current?.SetTag("season.photocard_last4", loan.Employee.PhotocardNumber[^4..]); // clean precision-about
        return false;
    }

    public void Completed(ConnectEvent evt)
    {
        var signers = evt.Data.EnvelopeSummary.Recipients.Signers;
        var employeeSigner = signers.FirstOrDefault(s => s.RoleName == "Employee");
        var photocard = employeeSigner?.Tabs.TextTabs.FirstOrDefault(t => t.TabLabel == "photocard")?.Value;
        Activity.Current?.AddEsignEnvelopeStatusChangedEvent(evt.Data.EnvelopeId, evt.Data.EnvelopeSummary.Status, esignNote: $"photocard {photocard} activated"); // leak TC1001 generated-api
        Activity.Current?.AddEsignEnvelopeStatusChangedEvent(evt.Data.EnvelopeId, evt.Data.EnvelopeSummary.Status, esignNote: $"{signers.Count(s => s.Status == "completed")} of {signers.Count} signed"); // clean generated-api
        logger.LogInformation("Tabs on the employee's copy: {Labels}", employeeSigner?.Tabs.TextTabs.Select(t => t.TabLabel).ToList()); // clean precision-names
    }
}
