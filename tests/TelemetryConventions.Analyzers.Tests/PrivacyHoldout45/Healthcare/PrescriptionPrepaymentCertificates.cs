using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support.DirectDebit;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Healthcare;

// Prescription prepayment certificates: a patient pays for twelve months of prescriptions up front,
// or in ten monthly instalments by direct debit. The certificate is prepaid cover in the patient's
// name; its number is printed on the certificate and quoted at the pharmacy.

public sealed record PpcApplication(string NhsNumber, string FullName, string Email, DateOnly StartDate, bool PayByInstalments, BankDetails? Bank);

public sealed record PrepaymentCertificate(string CertificateNumber, string NhsNumber, DateOnly ValidFrom, DateOnly ValidTo, string MandateId);

public interface IPpcRegister
{
    Task<PrepaymentCertificate?> FindActiveAsync(string nhsNumber, DateOnly on, CancellationToken cancellationToken);

    Task<PrepaymentCertificate> IssueAsync(PpcApplication application, string mandateId, CancellationToken cancellationToken);
}

public sealed class CertificateAlreadyActiveException(string nhsNumber, DateOnly validTo)
    : Exception($"Patient {nhsNumber} already holds a prepayment certificate valid to {validTo:yyyy-MM-dd}");

public static class PrescriptionPrepaymentEndpoints
{
    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/ppc/applications", async (PpcApplication application, IPpcRegister register, IDirectDebitClient directDebits, Pseudonymizer pseudonymizer, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        {
            var logger = loggers.CreateLogger("Prescriptions.Prepayment");
            var activity = Activity.Current;
            activity?.SetTag("ppc.instalments", application.PayByInstalments); // clean precision-about
            Baggage.SetBaggage("nhs.number", application.NhsNumber); // leak TC1001 direct
            activity?.SetBaggage("ppc.duration", "12m"); // clean precision-about

            var existing = await register.FindActiveAsync(application.NhsNumber, application.StartDate, cancellationToken);
            if (existing is not null)
            {
                // No handler of the service catches this: the host logs it and records it on the request span.
                throw new CertificateAlreadyActiveException(application.NhsNumber, existing.ValidTo); // leak TC1001 exceptions
            }

            var mandateId = string.Empty;
            if (application.PayByInstalments && application.Bank is { } bank)
            {
                var mandate = await directDebits.CreateMandateAsync(new MandateRequest(bank, $"PPC{Guid.NewGuid():N}"[..18].ToUpperInvariant(), application.Email), cancellationToken);
                mandateId = mandate.Id;
                activity?.SetTag("directdebit.mandate.id", mandate.Id); // clean precision-about
                activity?.SetTag("directdebit.mandate.reference", mandate.Reference); // clean precision-about
            }

            var certificate = await register.IssueAsync(application, mandateId, cancellationToken);
            activity?.SetTag("ppc.certificate_number", certificate.CertificateNumber); // leak TC1001 direct
            activity?.SetTag("ppc.certificate.last4", certificate.CertificateNumber[^4..]); // clean precision-about
            activity?.SetTag(LendingAttributes.BorrowerContact, pseudonymizer.ComputeLendingBorrowerId(application.Email)); // leak TC1001 precision-pseudonym
            logger.LogInformation("Certificate issued from {ValidFrom} to {ValidTo} to {Holder}", certificate.ValidFrom, certificate.ValidTo, application.FullName); // leak TC1001 direct
            logger.LogInformation("Certificate issued to patient {PatientRef}", pseudonymizer.ComputeLendingBorrowerId(application.NhsNumber)); // clean precision-pseudonym
            return new { certificate.CertificateNumber, certificate.ValidTo };
        });
    }
}
