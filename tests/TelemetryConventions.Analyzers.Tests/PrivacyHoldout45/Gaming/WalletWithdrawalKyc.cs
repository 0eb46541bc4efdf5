using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.Kyc;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Gaming;

// Cash tournaments pay prizes into a player's wallet. Before the first withdrawal the player must
// pass identity verification: the wallet service creates an applicant at the verification provider,
// uploads a photo of a passport or driving licence and runs a document check.

public sealed record PlayerWallet(Guid PlayerId, string Gamertag, string Email, string FirstName, string LastName, DateOnly DateOfBirth, decimal Balance, string? ApplicantId);

public sealed record WithdrawalVerification(Guid PlayerId, string DocumentType, string IssuingCountry, string FileName, Stream Photo);

public interface IPlayerWallets
{
    Task<PlayerWallet> GetAsync(Guid playerId, CancellationToken cancellationToken);

    Task SetApplicantAsync(Guid playerId, string applicantId, CancellationToken cancellationToken);
}

public sealed class WalletKycService(
    IIdentityVerificationClient verification,
    IPlayerWallets wallets,
    IClock clock,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<WalletKycService> logger)
{
    public async Task<AccountCheckResult> VerifyAsync(WithdrawalVerification upload, CancellationToken cancellationToken)
    {
        var wallet = await wallets.GetAsync(upload.PlayerId, cancellationToken);
        using var span = source.StartAccountVerification("player-wallet");
        span.SetAccountHolderId(pseudonymizer.PseudonymizeAccountHolderId(wallet.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("wallet.player.age", Ages.On(wallet.DateOfBirth, clock.Today)); // clean precision-about
        Activity.Current?.SetTag(AccountAttributes.HolderContact, wallet.Email); // leak TC1001 generated-api

        var applicantId = wallet.ApplicantId;
        if (applicantId is null)
        {
            try
            {
                var applicant = await verification.CreateApplicantAsync(new ApplicantRequest(wallet.FirstName, wallet.LastName, wallet.Email, wallet.DateOfBirth, null), cancellationToken);
                applicantId = applicant.Id;
                await wallets.SetApplicantAsync(wallet.PlayerId, applicantId, cancellationToken);
            }
            catch (VerificationApiException ex) when (ex.Type == "validation_error")
            {
                logger.LogWarning(ex, "Applicant rejected by the provider"); // leak TC1001 exceptions
                logger.LogWarning("Applicant rejected on fields {Fields}", string.Join(",", ex.InvalidFields)); // clean exceptions
                return AccountCheckResult.Rejected;
            }
            catch (VerificationApiException ex) when (ex.Type == "rate_limit")
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                throw;
            }
        }

        Activity.Current?.SetTag("kyc.applicant.id", applicantId); // leak TC1001 direct
        logger.LogInformation("Uploading {DocumentType} from {Country}: {FileName}", upload.DocumentType, upload.IssuingCountry, upload.FileName); // leak TC1001 direct
        logger.LogInformation("Uploading {DocumentType} ({Extension})", upload.DocumentType, Path.GetExtension(upload.FileName)); // clean precision-about

        var document = await verification.UploadDocumentAsync(new DocumentUpload(applicantId, upload.DocumentType, upload.IssuingCountry, upload.FileName, upload.Photo), cancellationToken);
        var check = await verification.RunDocumentCheckAsync(applicantId, document.DocumentId, cancellationToken);
        Activity.Current?.SetTag("kyc.check.id", check.CheckId); // clean precision-about
        Activity.Current?.SetTag("kyc.document.type", check.DocumentType); // clean precision-about

        var result = check.Result switch
        {
            "clear" => AccountCheckResult.Clear,
            "consider" => AccountCheckResult.Consider,
            _ => AccountCheckResult.Rejected,
        };
        span.SetAccountCheckResult(result);

        if (result != AccountCheckResult.Clear)
        {
            span.AddAccountDocumentRejectedEvent($"{check.SubResult}: {string.Join(",", check.BreakdownFailures)}"); // clean generated-api
        }

        if (check.FullName is { } nameOnDocument && !nameOnDocument.Contains(wallet.LastName, StringComparison.OrdinalIgnoreCase))
        {
            span.AddAccountDocumentRejectedEvent($"name on document '{nameOnDocument}' does not match {wallet.Gamertag}"); // leak TC1001 generated-api
        }

        if (check.DocumentNumber is { } documentNumber)
        {
            // One document may verify one wallet only; the fraud team searches spans for repeats.
            var documentKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(documentNumber.ToUpperInvariant())));
            Activity.Current?.SetTag("kyc.document.key", documentKey); // leak TC1002 hashes
            Activity.Current?.SetTag("kyc.document.expired", check.ExpiryDate < clock.Today); // clean precision-about
        }

        logger.LogInformation("Document check {CheckId} for {Gamertag}: {Result}", check.CheckId, wallet.Gamertag, check.Result); // leak TC1001 direct
        return result;
    }
}
