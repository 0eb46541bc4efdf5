using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout50.Healthcare;

/// <summary>A result message an analyser in the trust's laboratory posts to <c>/lab/results</c>.</summary>
public sealed record LabResultMessage(string SampleId, string NhsNumber, string TestCode, decimal Value, string Units, string AnalyserId);

/// <summary>
/// The laboratory's analysers (the trust's own instruments, one certificate each, named after the
/// analyser's asset tag: <c>CN=haem-analyser-03.lab.trust.nhs.uk</c>) authenticate with client certificates.
/// </summary>
public static class LabCertificateEvents
{
    public static void Configure(CertificateAuthenticationOptions options, ILogger logger)
    {
        options.Events.OnCertificateValidated = context =>
        {
            var certificate = context.ClientCertificate;
            var analyser = certificate.GetNameInfo(X509NameType.SimpleName, false);
            logger.LogInformation("Analyser {Analyser} authenticated, certificate {Thumbprint} valid until {NotAfter:u}", analyser, certificate.Thumbprint, certificate.NotAfter); // clean precision-names
            Activity.Current?.SetTag("lab.analyser", analyser); // clean precision-names
            context.Principal = new ClaimsPrincipal(new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, analyser) }, "Certificate"));
            context.Success();
            return Task.CompletedTask;
        };

        options.Events.OnAuthenticationFailed = context =>
        {
            logger.LogWarning(context.Exception, "Analyser certificate rejected"); // clean exceptions
            return Task.CompletedTask;
        };
    }
}

public sealed class LabMessageValidationFilter(ILogger<LabMessageValidationFilter> logger) : IEndpointFilter
{
    private static readonly Meter LabMeter = new("Trust.LabInterface");
    private static readonly Counter<long> Rejected = LabMeter.CreateCounter<long>("lab.messages.rejected");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var message = context.GetArgument<LabResultMessage>(0);
        var analyser = context.HttpContext.User.Identity?.Name ?? "unknown";
        Activity.Current?.SetTag("lab.sample_id", message.SampleId); // clean precision-names
        Activity.Current?.SetTag("lab.authenticated_analyser", analyser); // clean precision-names

        if (!HasValidCheckDigit(message.NhsNumber))
        {
            logger.LogWarning("Lab message {SampleId} rejected: NHS number {NhsNumber} fails its check digit", message.SampleId, message.NhsNumber); // leak TC1001 direct
            Rejected.Add(1, new KeyValuePair<string, object?>("lab.reason", "nhs_check_digit"), new KeyValuePair<string, object?>("lab.analyser", analyser)); // clean precision-names
            return Results.Problem("The NHS number fails its check digit.", statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        logger.LogDebug("Lab message accepted: {@Message}", message); // leak TC1001 logging-objects
        Activity.Current?.SetTag("lab.patient_fingerprint", Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(message.NhsNumber)))[..16]); // leak TC1002 hashes
        logger.LogDebug("Lab message {SampleId}: {TestCode} = {Value} {Units}", message.SampleId, message.TestCode, message.Value, message.Units); // clean precision-names
        return await next(context);
    }

    private static bool HasValidCheckDigit(string nhsNumber)
    {
        var digits = nhsNumber.Where(char.IsDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        return (check == 11 ? 0 : check) == digits[9];
    }
}
