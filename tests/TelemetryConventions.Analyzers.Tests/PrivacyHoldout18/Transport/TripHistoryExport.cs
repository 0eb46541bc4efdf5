using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.S3;
using Amazon.S3.Model;
using CsvHelper;
using Microsoft.Extensions.Logging;
using PrivacyHoldout18.Support.Documents;
using PrivacyHoldout18.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout18.Transport;

public sealed record TripRow(DateTimeOffset TappedOn, string EntryStop, string ExitStop, decimal Fare, string CardNumber);

public interface ITripLedger
{
    IAsyncEnumerable<TripRow> TripsAsync(string cardNumber, DateOnly month, CancellationToken cancellationToken);
}

public sealed record TripExportRequest(Guid RequestId, string CardNumber, string RiderEmail, DateOnly Month);

/// <summary>Riders ask for a month of journeys on their travel card (expense claims); the file is mailed as a link.</summary>
public sealed class TripHistoryExport(
    ITripLedger ledger,
    IAmazonS3 s3,
    IMailRelay mail,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<TripHistoryExport> logger)
{
    private const string Bucket = "rider-exports";

    public async Task RunAsync(TripExportRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var run = source.StartExportRun("csv").SetExportJobId(request.RequestId.ToString()); // clean precision-about
        run.SetExportRequesterId(pseudonymizer.PseudonymizeExportRequesterId(request.CardNumber)); // clean precision-pseudonym
        using var scope = logger.BeginScope(new { request.RequestId, request.CardNumber, request.Month }); // leak TC1001 logging-objects

        // The file is named for the rider: the last four digits and the month.
        var fileName = $"journeys-{request.CardNumber[^4..]}-{request.Month:yyyy-MM}.csv";
        var key = $"{request.RequestId:N}/{fileName}";
        logger.LogInformation("Writing {FileName}", fileName); // clean precision-about

        var rows = 0;
        var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var buffer = new MemoryStream())
        {
            await using (var writer = new StreamWriter(buffer, Encoding.UTF8, leaveOpen: true))
            await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                csv.WriteHeader<TripRow>();
                await csv.NextRecordAsync();
                await foreach (var trip in ledger.TripsAsync(request.CardNumber, request.Month, cancellationToken))
                {
                    if (trip.ExitStop.Length == 0)
                    {
                        run.AddExportRowRejectedEvent(rows + 1, $"incomplete journey from {trip.EntryStop}"); // clean generated-api
                        logger.LogDebug("Incomplete journey {Trip}", trip); // leak TC1001 logging-objects
                    }

                    csv.WriteRecord(trip);
                    await csv.NextRecordAsync();
                    rows++;
                }
            }

            fingerprint.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
            buffer.Position = 0;
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = buffer, ContentType = "text/csv" }, cancellationToken);
        }

        run.SetExportRowCount(rows);
        Activity.Current?.SetTag("export.sha256", Convert.ToHexString(fingerprint.GetHashAndReset())); // clean hashes
        Activity.Current?.SetTag("export.card_digest", Convert.ToHexString(MD5.HashData(Encoding.ASCII.GetBytes(request.CardNumber)))[..12]); // leak TC1002 hashes
        meter.CreateExportDurationHistogram().Record(stopwatch.Elapsed.TotalSeconds, exportFormat: "csv");

        var link = s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = Bucket, Key = key, Expires = DateTime.UtcNow.AddDays(3) });
        await mail.SendAsync(request.RiderEmail, "Your journey history", $"<a href=\"{link}\">{fileName}</a>", cancellationToken);
        Activity.Current?.SetTag("export.link", link); // leak TC1001 strings
        logger.LogInformation("Journey history mailed to {RiderEmail}", request.RiderEmail); // leak TC1001 direct
    }
}
