using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using CsvHelper;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout18.Telemetry;

namespace PrivacyHoldout18.Retail;

public sealed record AudienceMember(string CustomerNumber, string Email, string FirstName, string Segment, bool MarketingConsent);

public sealed record AudienceRow(string EmailSha256, string FirstName, string Segment);

public interface IAudienceQuery
{
    IAsyncEnumerable<AudienceMember> StreamAsync(string segment, CancellationToken cancellationToken);
}

/// <summary>Nightly file of consented customers for the email agency, dropped in the agency's bucket.</summary>
public sealed class AudienceExportJob
{
    private const string AgencyBucket = "agency-drop-northshop";
    private static readonly byte[] CohortSalt = Encoding.UTF8.GetBytes("audience-cohorts-v1");

    private readonly IAudienceQuery _query;
    private readonly IAmazonS3 _s3;
    private readonly TelemetrySecrets _secrets;
    private readonly ActivitySource _source;
    private readonly ILogger<AudienceExportJob> _logger;
    private readonly Counter<long> _skipped;
    private long _rowsWritten;

    public AudienceExportJob(IAudienceQuery query, IAmazonS3 s3, TelemetrySecrets secrets, ActivitySource source, Meter meter, ILogger<AudienceExportJob> logger)
    {
        _query = query;
        _s3 = s3;
        _secrets = secrets;
        _source = source;
        _logger = logger;
        _skipped = meter.CreateCounter<long>("audience_export.skipped", "{customer}");
        meter.CreateObservableGauge("audience_export.rows_written", () => new Measurement<long>(Interlocked.Read(ref _rowsWritten), new KeyValuePair<string, object?>("export.format", "csv"))); // clean precision-about
    }

    public async Task RunAsync(string segment, CancellationToken cancellationToken)
    {
        var fileName = $"audience-{segment}-{DateTime.UtcNow:yyyyMMdd}.csv";
        using var run = _source.StartExportRun("csv").SetExportJobId(fileName); // clean precision-about
        Interlocked.Exchange(ref _rowsWritten, 0);

        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, leaveOpen: true))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteHeader<AudienceRow>();
            await csv.NextRecordAsync();
            await foreach (var member in _query.StreamAsync(segment, cancellationToken))
            {
                string normalised;
                try
                {
                    normalised = new MailAddress(member.Email.Trim()).Address.ToLowerInvariant();
                }
                catch (FormatException ex)
                {
                    _logger.LogWarning(ex, "Skipped a customer with a malformed address"); // clean exceptions
                    continue;
                }

                var emailHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised))).ToLowerInvariant();
                if (!member.MarketingConsent)
                {
                    _skipped.Add(1, new KeyValuePair<string, object?>("reason", "no-consent"));
                    _logger.LogDebug("Skipped {EmailSha256}: no marketing consent", emailHash); // leak TC1002 hashes
                    continue;
                }

                if (member.FirstName.Length == 0)
                {
                    _logger.LogDebug("Customer {CustomerNumber} has no first name; writing the row without one", member.CustomerNumber); // leak TC1001 direct
                }

                var row = new AudienceRow(emailHash, member.FirstName, member.Segment);
                _logger.LogTrace("Writing {Row}", row); // leak TC1001 logging-objects
                csv.WriteRecord(row);
                await csv.NextRecordAsync();
                var written = Interlocked.Increment(ref _rowsWritten);

                var cohort = HMACSHA256.HashData(CohortSalt, Encoding.UTF8.GetBytes(member.CustomerNumber))[0] & 0x3;
                var shard = HMACSHA256.HashData(_secrets.ShardKey, Encoding.UTF8.GetBytes(member.CustomerNumber))[0] & 0x3;
                if (written % 10_000 == 0)
                {
                    run.SetExportRowCount(written);
                    Activity.Current?.AddEvent(new ActivityEvent("audience.progress", tags: new ActivityTagsCollection { ["rows"] = written, ["last.cohort"] = cohort })); // leak TC1002 hashes
                    Activity.Current?.AddEvent(new ActivityEvent("audience.shard", tags: new ActivityTagsCollection { ["rows"] = written, ["last.shard"] = shard })); // clean hashes
                }
            }
        }

        buffer.Position = 0;
        try
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = AgencyBucket, Key = $"inbound/{fileName}", InputStream = buffer, ContentType = "text/csv" }, cancellationToken);
        }
        catch (AmazonS3Exception ex)
        {
            run.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw;
        }

        // The agency's loader fetches the file with this URL: a credential of the agency's system, for a file named by segment and date.
        var agencyUrl = _s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = AgencyBucket, Key = $"inbound/{fileName}", Expires = DateTime.UtcNow.AddHours(12) });
        _logger.LogInformation("Audience file {FileName} ready for the agency at {Url}", fileName, agencyUrl); // clean precision-about
        run.SetExportRowCount(Interlocked.Read(ref _rowsWritten));
    }
}
