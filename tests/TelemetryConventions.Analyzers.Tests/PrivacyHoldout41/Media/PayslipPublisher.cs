using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Media;

/// <summary>A payslip ready to publish: staff get it in the portal, freelance contributors by email.</summary>
public sealed record PayslipToPublish(string PayslipId, string Period, string EmployeeNumber, string Email, bool Freelance, string? UniqueTaxpayerReference, string Ir35Status, byte[] Pdf);

/// <summary>What the portal shows in its notifications list; the HR system's identifiers stay out of its printout.</summary>
public sealed record PayslipNotice(string PayslipId, string Period, string EmployeeNumber)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("PayslipId = ").Append(PayslipId).Append(", Period = ").Append(Period);
        return true;
    }
}

internal static class PayslipTelemetry
{
    public static void TagRecipient(Activity? activity, string recipientEmail) =>
        activity?.SetTag("payslip.recipient", recipientEmail); // leak TC1001 direct

    public static void TagDocument(Activity? activity, string payslipId, int bytes) =>
        activity?.SetTag("payslip.id", payslipId).SetTag("payslip.bytes", bytes); // clean precision-names
}

/// <summary>Publishes payslips after the payroll run has been approved.</summary>
public sealed class PayslipPublisher(IBlobContainer payslips, IMailSender mail, Pseudonymizer pseudonymizer, ILogger<PayslipPublisher> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Payroll.Payslips");

    public async Task PublishAsync(PayslipToPublish payslip, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("payslip.publish");
        PayslipTelemetry.TagDocument(activity, payslip.PayslipId, payslip.Pdf.Length); // clean cross-member
        activity?.SetTag("payslip.employee_ref", pseudonymizer.ComputeWorkforceEmployeeId(payslip.EmployeeNumber)); // clean precision-pseudonym
        activity?.SetTag("payslip.ir35", payslip.Ir35Status); // clean precision-about

        var blobName = $"payslips/{payslip.Period}/{payslip.EmployeeNumber}.pdf";
        var uri = await payslips.UploadAsync(blobName, new MemoryStream(payslip.Pdf), cancellationToken);
        logger.LogInformation("Payslip stored at {Uri}", uri); // leak TC1001 strings

        if (!payslip.Freelance)
        {
            logger.LogInformation("Portal notice {Notice}", new PayslipNotice(payslip.PayslipId, payslip.Period, payslip.EmployeeNumber)); // clean logging-objects
            return;
        }

        activity?.SetTag("freelancer.utr", payslip.UniqueTaxpayerReference); // leak TC1001 direct
        activity?.SetTag("freelancer.has_utr", payslip.UniqueTaxpayerReference is not null); // clean precision-about
        var link = payslips.GenerateSasUri(blobName, DateTimeOffset.UtcNow.AddDays(14));
        logger.LogDebug("Download link for the contributor: {Link}", link); // leak TC1001 direct
        logger.LogDebug("Download link issued on {Host}, valid 14 days", link.Host); // clean precision-about

        PayslipTelemetry.TagRecipient(activity, payslip.Email); // leak TC1001 cross-member
        try
        {
            await mail.SendAsync(payslip.Email, $"Your payslip for {payslip.Period}", $"Download it here: {link}", cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            logger.LogError(ex, "Mail relay refused payslip {PayslipId}", payslip.PayslipId); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, $"mail to {payslip.Email} failed"); // leak TC1001 strings
        }
    }
}
