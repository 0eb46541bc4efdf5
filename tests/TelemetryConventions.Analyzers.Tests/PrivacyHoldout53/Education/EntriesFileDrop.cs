using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout53.Telemetry;
using Refit;
using Renci.SshNet;
using Renci.SshNet.Common;
using TelemetryConventions;

namespace PrivacyHoldout53.Education;

public sealed class ExamBoardSftpOptions
{
    public string Host { get; set; } = "sftp.awarding-body.example";

    public string Username { get; set; } = "centre-47215";

    public string CentreNumber { get; set; } = "47215";

    public byte[] PrivateKey { get; set; } = [];
}

public sealed record CourseworkScan(string CandidateNumber, string Uci, string ComponentCode, byte[] Pdf);

public sealed class EntriesSubmissionException(string message) : Exception(message);

/// <summary>
/// Entries go to the awarding body twice: as the EDI entries file dropped on its SFTP server (the
/// board's system of record) and through the entries API for the immediate acknowledgement.
/// Coursework scans go to the moderation folder, one PDF per candidate and component.
/// </summary>
public sealed class EntriesFileDrop(IOptions<ExamBoardSftpOptions> options, IExamBoardApi api, ILogger<EntriesFileDrop> logger)
{
    private static readonly ActivitySource Source = new("College.Exams.Entries");

    public async Task DropEntriesAsync(EntryBatch batch, CancellationToken cancellationToken)
    {
        var centre = options.Value.CentreNumber;
        var fileName = $"E{centre}{batch.Series}.X01";
        using var span = Source.StartPartnerCall("exam-board-sftp", "drop-entries")
            .SetPartnerResource("/inbound/" + fileName); // clean direct

        var lines = new StringBuilder();
        lines.AppendLine($"HDR,{centre},{batch.Series},{batch.BatchReference}");
        foreach (var entry in batch.Entries)
        {
            lines.AppendLine($"ENT,{entry.CandidateNumber},{entry.Uci},{entry.QualificationCode},{entry.Tier}");
        }

        var bytes = Encoding.ASCII.GetBytes(lines.ToString());
        using var sftp = Connect();
        try
        {
            using var stream = new MemoryStream(bytes);
            sftp.UploadFile(stream, "/inbound/" + fileName + ".part");
            sftp.RenameFile("/inbound/" + fileName + ".part", "/inbound/" + fileName);
            logger.LogPartnerFileDeliveredEvent("exam-board-sftp", fileName, batch.Entries.Count); // clean generated-api
            logger.LogDebug("Entries file content {Content}", lines.ToString()); // leak TC1001 strings
            logger.LogInformation("Entries file {File} of {Bytes} bytes, SHA-256 {Checksum}", fileName, bytes.Length, Convert.ToHexString(SHA256.HashData(bytes))); // clean hashes
        }
        catch (SshException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogError(ex, "Entries drop of {File} failed", fileName); // clean exceptions
            throw;
        }

        // The API acknowledgement: the idempotency key keeps a retried batch from being entered twice.
        var idempotencyKey = $"{centre}:{batch.Series}:{batch.BatchReference}";
        var receipt = await api.SubmitEntriesAsync(centre, batch, idempotencyKey, cancellationToken);
        span.SetPartnerRequestId(idempotencyKey).SetPartnerNote($"accepted {receipt.Accepted}, rejected {receipt.Rejected}"); // clean precision-about
        if (receipt.Rejected > 0)
        {
            throw new EntriesSubmissionException($"{receipt.Rejected} entries rejected in receipt {receipt.ReceiptId}");
        }
    }

    public int UploadCoursework(IReadOnlyList<CourseworkScan> scans)
    {
        var centre = options.Value.CentreNumber;
        using var sftp = Connect();
        var uploaded = 0;
        foreach (var scan in scans)
        {
            var remotePath = $"/moderation/{centre}/{scan.ComponentCode}/{centre}_{scan.CandidateNumber}_{scan.ComponentCode}.pdf";
            try
            {
                using var stream = new MemoryStream(scan.Pdf);
                sftp.UploadFile(stream, remotePath, canOverride: false);
                uploaded++;
                logger.LogDebug("Uploaded {Path} ({Bytes} bytes)", remotePath, scan.Pdf.Length); // leak TC1001 strings
            }
            catch (SftpPermissionDeniedException ex)
            {
                logger.LogWarning(ex, "Moderation folder for {Component} is closed", scan.ComponentCode); // clean exceptions
            }
            catch (SshException ex)
            {
                var failure = new InvalidOperationException($"Coursework upload failed for UCI {scan.Uci}", ex);
                logger.LogError(failure, "Coursework upload failed"); // leak TC1001 exceptions
                Activity.Current?.AddPartnerCallRejectedEvent("exam-board-sftp", 0, partnerNote: ex.Message); // clean exceptions
            }
        }

        var candidateCount = scans.Select(s => s.CandidateNumber).Distinct().Count();
        logger.LogInformation("Uploaded {Uploaded} of {Total} scans for {Candidates} candidates", uploaded, scans.Count, candidateCount); // clean precision-names
        logger.LogInformation("Moderation sample {Sample}", scans.Select(s => $"{s.CandidateNumber}/{s.ComponentCode}")); // leak TC1001 logging-objects
        return uploaded;
    }

    private SftpClient Connect()
    {
        var key = new PrivateKeyFile(new MemoryStream(options.Value.PrivateKey));
        var client = new SftpClient(options.Value.Host, 22, options.Value.Username, key);
        client.Connect();
        logger.LogDebug("Connected to {Host} as {User}", client.Host, client.Username); // clean direct
        return client;
    }
}
