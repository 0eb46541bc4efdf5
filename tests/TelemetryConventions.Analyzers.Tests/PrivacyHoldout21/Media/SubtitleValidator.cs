using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout21.Media;

/// <summary>A subtitle file delivered by a localisation vendor, with the manifest entry that came with it.</summary>
public sealed record SubtitleDelivery(string TitleId, string Language, string DeliveredBy, string FileName, byte[] Content);

public sealed record SubtitleReport(int Cues, int Errors, string Format);

/// <summary>Checks WebVTT and SRT subtitle files before they are packaged with a title.</summary>
public sealed class SubtitleValidator(ILogger<SubtitleValidator> logger)
{
    private const int MaxCueLength = 84;
    private static readonly string[] TimingFormats = [@"hh\:mm\:ss\.fff", @"hh\:mm\:ss\,fff", @"mm\:ss\.fff"];

    public SubtitleReport Validate(SubtitleDelivery delivery)
    {
        var text = Encoding.UTF8.GetString(delivery.Content).Replace("\r\n", "\n");
        var format = text.StartsWith("WEBVTT", StringComparison.Ordinal) ? "webvtt" : "srt";
        var activity = Activity.Current;
        activity?.SetTag("subtitle.format", format); // clean direct
        activity?.SetTag("subtitle.language", delivery.Language);
        activity?.SetTag("subtitle.sha256", Convert.ToHexString(SHA256.HashData(delivery.Content))); // clean hashes
        logger.LogInformation("Delivery of {TitleId}/{Language} by {DeliveredBy}", delivery.TitleId, delivery.Language, delivery.DeliveredBy); // leak TC1001 direct

        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var cues = 0;
        var errors = 0;
        foreach (var block in blocks)
        {
            if (block.StartsWith("NOTE", StringComparison.Ordinal))
            {
                logger.LogDebug("Header note {Note}", block); // leak TC1001 strings
                continue;
            }

            var lines = block.Split('\n');
            var timingIndex = Array.FindIndex(lines, l => l.Contains("-->", StringComparison.Ordinal));
            if (timingIndex < 0)
            {
                continue;
            }

            cues++;
            var timing = lines[timingIndex].Split("-->", StringSplitOptions.TrimEntries);
            if (!TryParseTime(timing[0], out var start) || !TryParseTime(timing[1].Split(' ')[0], out var end) || end <= start)
            {
                errors++;
                logger.LogWarning("Cue {Index} has a bad timing line {Timing}", cues, lines[timingIndex]); // clean precision-about
                continue;
            }

            var cueText = string.Join(' ', lines[(timingIndex + 1)..]);
            if (cueText.Length > MaxCueLength)
            {
                logger.LogInformation("Cue {Index} is {Length} characters: {Text}", cues, cueText.Length, cueText); // clean strings
            }
        }

        activity?.SetTag("subtitle.cue_count", cues); // clean precision-about
        var report = new SubtitleReport(cues, errors, format);
        logger.LogInformation("Validated {Report}", report); // clean logging-objects
        if (errors > 0)
        {
            logger.LogWarning("Rejected delivery {Delivery}", delivery); // leak TC1001 logging-objects
        }

        return report;
    }

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        foreach (var format in TimingFormats)
        {
            if (TimeSpan.TryParseExact(text, format, CultureInfo.InvariantCulture, out time))
            {
                return true;
            }
        }

        time = default;
        return false;
    }
}
