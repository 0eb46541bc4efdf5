using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout18.Telemetry;

namespace PrivacyHoldout18.Media;

public sealed record Cue(int Index, TimeSpan Start, TimeSpan End, string Text);

/// <summary>Localisation vendors and the content team upload subtitles and paperwork for a title.</summary>
[ApiController]
public sealed partial class SubtitleIngestController(BlobServiceClient blobs, ActivitySource source, ILogger<SubtitleIngestController> logger) : ControllerBase
{
    [HttpPost("api/titles/{titleId}/subtitles")]
    public async Task<ActionResult> UploadSubtitlesAsync(string titleId, [FromForm] IFormFileCollection files, CancellationToken cancellationToken)
    {
        var uploader = HttpContext.User.Email;
        logger.LogInformation("{Count} subtitle files for title {TitleId} from {Uploader}", files.Count, titleId, uploader); // leak TC1001 direct

        foreach (var file in files)
        {
            var match = VendorFileName().Match(file.FileName);
            if (!match.Success || match.Groups["title"].Value != titleId)
            {
                logger.LogWarning("Subtitle file {FileName} does not follow the vendor naming for {TitleId}", file.FileName, titleId); // leak TC1001 direct
                continue;
            }

            var language = match.Groups["lang"].Value;
            var canonicalName = $"{titleId}_{language}{match.Groups["ext"].Value}";
            using var span = source.StartDocumentUpload("subtitle").SetDocumentId(canonicalName); // clean precision-about
            span.SetDocumentContentType(file.ContentType).SetDocumentSize(file.Length);

            using var reader = new StreamReader(file.OpenReadStream());
            var cues = await ParseAsync(reader, titleId, language);
            Activity.Current?.SetTag("subtitle.cues", cues.Count);
            if (cues.Count > 0)
            {
                logger.LogDebug("First cue of {TitleId}/{Language}: {Text}", titleId, language, cues[0].Text); // clean precision-about
            }

            var blob = blobs.GetBlobContainerClient("subtitles").GetBlobClient($"{titleId}/{canonicalName}");
            await using var upload = file.OpenReadStream();
            await blob.UploadAsync(upload, overwrite: true, cancellationToken);
            Activity.Current?.SetTag("subtitle.blob", blob.Uri.ToString()); // clean precision-about
        }

        return Ok();
    }

    /// <summary>Signed talent release forms, scanned by the production office: Surname_Forename_release.pdf.</summary>
    [HttpPost("api/titles/{titleId}/releases")]
    public async Task<ActionResult> UploadReleaseFormAsync(string titleId, [FromForm] IFormFile form, CancellationToken cancellationToken)
    {
        if (!form.ContentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Release form {form.FileName} is {form.ContentType}, not a PDF"); // leak TC1001 exceptions
        }

        var person = Path.GetFileNameWithoutExtension(form.FileName).Replace("_release", string.Empty, StringComparison.OrdinalIgnoreCase).Replace('_', ' ');
        using var span = source.StartDocumentUpload("talent-release").SetDocumentSize(form.Length); // clean precision-about
        span.SetDocumentNote($"release for {person}"); // leak TC1001 generated-api

        var releaseId = Guid.NewGuid();
        var blob = blobs.GetBlobContainerClient("talent-releases").GetBlobClient($"{titleId}/{releaseId:N}.pdf");
        await using var content = form.OpenReadStream();
        await blob.UploadAsync(content, overwrite: false, cancellationToken);
        span.SetDocumentId(releaseId.ToString("N")); // clean precision-about
        logger.LogInformation("Release {ReleaseId} for title {TitleId} filed from {FileName}", releaseId, titleId, Path.GetFileName(form.FileName)); // leak TC1001 direct
        return Ok(new { releaseId });
    }

    private async Task<List<Cue>> ParseAsync(StreamReader reader, string titleId, string language)
    {
        var cues = new List<Cue>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            lineNumber++;
            if (line.Contains("-->", StringComparison.Ordinal) && !TimeSpan.TryParse(line.Split("-->")[0].Trim().Replace(',', '.'), out _))
            {
                logger.LogWarning("Bad timestamp on line {Line} of {TitleId}/{Language}", lineNumber, titleId, language); // clean precision-about
            }
        }

        return cues;
    }

    private static readonly Regex VendorFileNamePattern = new(@"^(?<title>[a-z0-9]{8,12})_(?<lang>[a-z]{2}(-[A-Z]{2})?)(?<ext>\.(srt|vtt))$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static Regex VendorFileName() => VendorFileNamePattern;
}
