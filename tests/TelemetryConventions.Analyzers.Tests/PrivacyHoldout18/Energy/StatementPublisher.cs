using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout18.Support.Documents;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Energy;

public sealed record StatementRequest(string AccountNumber, string CustomerEmail, DateOnly Period, decimal Balance, string TariffCode);

/// <summary>Publishes the monthly statement of an energy account and mails the customer a download link.</summary>
public sealed class StatementPublisher(
    IPdfRenderer renderer,
    IAmazonS3 s3,
    IMailRelay mail,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    ILogger<StatementPublisher> logger)
{
    private const string Bucket = "northgrid-customer-statements";

    public async Task PublishAsync(StatementRequest request, CancellationToken cancellationToken)
    {
        using var span = source.StartDocumentRender("statement").SetDocumentOwnerId(pseudonymizer.PseudonymizeDocumentOwnerId(request.AccountNumber)); // clean precision-pseudonym
        var pdf = await renderer.RenderAsync("statement-monthly", request, cancellationToken);
        span.SetDocumentPageCount(pdf.PageCount);

        var key = $"statements/{request.Period:yyyy-MM}/{request.AccountNumber}.pdf";
        var checksum = Convert.ToBase64String(SHA256.HashData(pdf.Content));
        await using var body = new MemoryStream(pdf.Content);
        PutObjectResponse put;
        try
        {
            put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = body, ContentType = "application/pdf", ChecksumSHA256 = checksum }, cancellationToken);
        }
        catch (AmazonS3Exception ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Statement upload failed with {ErrorCode}", ex.ErrorCode); // clean exceptions
            throw;
        }

        span.SetDocumentNote($"stored as {key}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("statement.checksum", checksum); // clean hashes
        logger.LogDebug("Statement stored with ETag {ETag}, version {Version}", put.ETag, put.VersionId); // clean precision-about

        var presign = new GetPreSignedUrlRequest { BucketName = Bucket, Key = key, Expires = DateTime.UtcNow.AddDays(14) };
        presign.ResponseHeaderOverrides.ContentDisposition = $"attachment; filename=\"{DownloadName(request)}\"";
        logger.LogDebug("Presigning with download name {DownloadName}", DownloadName(request)); // leak TC1001 cross-member
        var link = s3.GetPreSignedURL(presign);
        await mail.SendAsync(request.CustomerEmail, "Your statement is ready", $"<a href=\"{link}\">Download your statement</a>", cancellationToken);
        logger.LogInformation("Statement link sent: {Link}", link); // leak TC1001 strings
        logger.LogInformation("Statement for {Period:yyyy-MM} on tariff {Tariff} mailed to {Domain}", request.Period, request.TariffCode, request.CustomerEmail[(request.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about

        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.AccountNumber))[0] % 8;
        Activity.Current?.SetTag("statement.cohort", cohort); // clean hashes
        Activity.Current?.SetTag("statement.account_ref", Convert.ToBase64String(Encoding.UTF8.GetBytes(request.AccountNumber))); // leak TC1001 hashes
    }

    private static string DownloadName(StatementRequest request) => $"statement-{request.AccountNumber}-{request.Period:yyyyMM}.pdf";
}
