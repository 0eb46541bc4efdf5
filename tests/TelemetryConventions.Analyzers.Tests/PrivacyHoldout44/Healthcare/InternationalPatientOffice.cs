using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Support;

namespace PrivacyHoldout44.Healthcare;

/// <summary>An overseas patient's request for the letter the embassy needs to issue a medical visa.</summary>
public sealed record VisaLetterRequest(
    string HospitalNumber,
    string PatientName,
    string PassportNumber,
    string Nationality,
    DateOnly PassportExpiry,
    string? CompanionName,
    string? CompanionPassportNumber,
    string EmbassyCode,
    DateOnly TreatmentStart) : IRequest<string>;

public interface ILetterRenderer
{
    Task<byte[]> RenderAsync(VisaLetterRequest request, CancellationToken cancellationToken);
}

public interface ILetterStore
{
    Task<Uri> UploadAsync(string blobName, byte[] content, CancellationToken cancellationToken);
}

public sealed class VisaLetterHandler(
    ILetterRenderer renderer,
    ILetterStore store,
    IKeyValueStore issuedLetters,
    ILogger<VisaLetterHandler> logger) : IRequestHandler<VisaLetterRequest, string>
{
    private static readonly ActivitySource Source = new("Hospital.InternationalOffice");

    // Kept from the first version of the office's tool so that letters issued before the move still match.
    private static readonly byte[] LegacyLetterKey = Encoding.UTF8.GetBytes("intl-office-letters-2019");

    public async Task<string> Handle(VisaLetterRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("intl.visa_letter");
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["HospitalNumber"] = request.HospitalNumber, ["Embassy"] = request.EmbassyCode }); // leak TC1001 logging-objects
        activity?.SetTag("intl.embassy", request.EmbassyCode); // clean precision-names
        activity?.SetTag("intl.nationality", request.Nationality); // clean precision-about
        activity?.SetTag("intl.companion", request.CompanionName is not null); // clean precision-about
        activity?.SetTag("intl.passport_valid_months", (request.PassportExpiry.DayNumber - request.TreatmentStart.DayNumber) / 30); // clean precision-about

        var passportKey = Convert.ToHexString(SHA1.HashData(Encoding.ASCII.GetBytes(request.PassportNumber.ToUpperInvariant())));
        activity?.SetTag("intl.passport_key", passportKey); // leak TC1002 hashes
        if (await issuedLetters.GetAsync(passportKey, cancellationToken) is { } earlier)
        {
            logger.LogInformation("A letter was already issued on {Issued}; issuing a new version", earlier); // clean precision-about
        }

        using (var legacy = new HMACSHA256(LegacyLetterKey))
        {
            var legacyRef = Convert.ToHexString(legacy.ComputeHash(Encoding.ASCII.GetBytes(request.PassportNumber)))[..16];
            logger.LogDebug("Legacy letter reference {LegacyRef}", legacyRef); // leak TC1002 hashes
        }

        var pdf = await renderer.RenderAsync(request, cancellationToken);
        activity?.SetTag("intl.letter.sha256", Convert.ToHexString(SHA256.HashData(pdf))); // clean hashes
        activity?.SetTag("intl.letter.bytes", pdf.Length);

        var blobName = $"visa-letters/{request.TreatmentStart:yyyy-MM}/{request.PatientName.Replace(' ', '_')}_{request.EmbassyCode}.pdf";
        var uri = await store.UploadAsync(blobName, pdf, cancellationToken);
        logger.LogInformation("Visa letter stored at {BlobName}", blobName); // leak TC1001 strings
        activity?.SetTag("intl.letter.container", uri.Host); // clean strings

        if (request.CompanionPassportNumber is { } companionPassport)
        {
            logger.LogInformation("Companion {CompanionName} added with passport ending {Last4}", request.CompanionName, companionPassport[^4..]); // leak TC1001 direct
        }

        await issuedLetters.SetAsync(passportKey, DateTime.UtcNow.ToString("O"), TimeSpan.FromDays(365), cancellationToken);
        return uri.ToString();
    }
}
