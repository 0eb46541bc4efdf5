using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Media;

public sealed record AudienceMember(Guid SubscriberId, string Email, string Plan, string Segment, string Country);

public sealed class AudienceRowException(string message) : Exception(message);

public interface ICleanRoomClient
{
    Task<string> UploadAsync(string audience, Stream csv, CancellationToken cancellationToken);
}

/// <summary>
/// Weekly upload of audience segments to the advertising partner's clean room: members matched on
/// the partner's match key, segments under the partner's minimum suppressed, one CSV per segment.
/// </summary>
public sealed partial class AudienceCleanRoomExport(
    ICleanRoomClient cleanRoom,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<AudienceCleanRoomExport> logger)
{
    private const int PartnerMinimumSegment = 100;
    private static readonly ActivitySource Source = new("Stream.Ads.CleanRoom");
    private static readonly Meter Meter = new("Stream.Ads.CleanRoom");
    private static readonly Counter<long> MembersByDomain = Meter.CreateCounter<long>("cleanroom.members", "{member}");

    public async Task ExportAsync(IReadOnlyList<AudienceMember> members, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("cleanroom.export");

        foreach (var segment in members.GroupBy(m => m.Segment))
        {
            if (segment.Count() < PartnerMinimumSegment)
            {
                logger.LogInformation("Segment {Segment} suppressed: {Members} members", segment.Key, segment.Count()); // clean precision-about
                continue;
            }

            using var buffer = new MemoryStream();
            using (var csv = new CsvFileWriter(new StreamWriter(buffer, leaveOpen: true)))
            {
                csv.WriteHeader(["match_key", "plan", "country"]);
                foreach (var member in segment)
                {
                    string matchKey;
                    try
                    {
                        matchKey = MatchKey(member.Email);
                    }
                    catch (AudienceRowException ex)
                    {
                        logger.LogWarning("Member left out of {Segment}: {Reason}", segment.Key, ex.Message); // leak TC1001 exceptions
                        logger.LogWarning("Subscriber {SubscriberId} has an unusable email", member.SubscriberId); // leak TC1001 direct
                        continue;
                    }

                    csv.WriteRecord([matchKey, member.Plan, member.Country]);
                    var at = member.Email.IndexOf('@');
                    MembersByDomain.Add(1, new KeyValuePair<string, object?>("email.domain", member.Email[(at + 1)..].ToLowerInvariant())); // clean precision-about
                    if (csv.Records == 1)
                    {
                        logger.LogDebug("First match key of {Segment}: {MatchKey}", segment.Key, matchKey); // leak TC1002 hashes
                        LogFirstMember(logger, segment.Key, pseudonymizer.PseudonymizePipelineSubjectId(member.SubscriberId.ToString())); // clean precision-pseudonym
                        activity?.SetTag(PipelineAttributes.SubjectContact, pseudonymizer.ComputePipelineSubjectId(member.Email)); // leak TC1001 precision-pseudonym
                    }
                }
            }

            var qaShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(segment.Key + segment.First().SubscriberId))[0] % 10;
            activity?.SetTag("cleanroom.qa.shard", qaShard); // clean hashes

            buffer.Position = 0;
            try
            {
                var receipt = await cleanRoom.UploadAsync(segment.Key, buffer, cancellationToken);
                activity?.AddEvent(new ActivityEvent("cleanroom.uploaded", tags: new ActivityTagsCollection { ["segment"] = segment.Key, ["receipt"] = receipt })); // clean direct
            }
            catch (HttpRequestException ex)
            {
                activity?.AddException(ex); // clean exceptions
            }
        }
    }

    /// <summary>The partner's match key: SHA-256 of the trimmed, lower-cased address, as their spec asks.</summary>
    private static string MatchKey(string email)
    {
        var normalised = email.Trim().ToLowerInvariant();
        if (!normalised.Contains('@') || normalised.EndsWith(".invalid", StringComparison.Ordinal))
        {
            throw new AudienceRowException($"'{normalised}' is not a deliverable address");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised))).ToLowerInvariant();
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "First member of segment {Segment} is {SubscriberRef}")]
    private static partial void LogFirstMember(ILogger logger, string segment, Pseudonym subscriberRef);
}
