using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Retail;

/// <summary>An answer to the survey mailed after an order: an NPS score, a comment and whether the customer agrees to be contacted.</summary>
public sealed record SurveyResponse(string ResponseId, string OrderNumber, string CustomerNumber, string StoreId, int Score, string? Comment, bool MayContact, string? CallbackPhone);

public sealed class SurveyMetrics(Meter meter)
{
    private readonly Histogram<int> _scores = meter.CreateHistogram<int>("survey.nps.score");

    /// <summary>Records a score under the store and any extra tags the caller adds.</summary>
    public void Record(int score, string storeId, params KeyValuePair<string, object?>[] extra)
    {
        var tags = new TagList { { "store", storeId } };
        foreach (var tag in extra)
        {
            tags.Add(tag);
        }
        _scores.Record(score, tags);
    }
}

/// <summary>Takes survey answers from the survey tool's webhook and escalates detractors who asked for a call back.</summary>
public sealed class PostPurchaseSurvey(SurveyMetrics metrics, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PostPurchaseSurvey> logger)
{
    public void Accept(SurveyResponse response)
    {
        var activity = Activity.Current;
        activity?.SetTag("survey.response.id", response.ResponseId);
        activity?.SetTag("survey.order", response.OrderNumber); // clean precision-names
        activity?.SetTag("survey.customer", pseudonymizer.ComputeCrmContactId(response.CustomerNumber)); // clean precision-pseudonym
        activity?.SetTag("survey.comment.present", response.Comment is not null); // clean precision-about

        var band = response.Score >= 9 ? "promoter" : response.Score >= 7 ? "passive" : "detractor";
        metrics.Record(response.Score, response.StoreId, new KeyValuePair<string, object?>("band", band)); // clean cross-member
        metrics.Record(response.Score, response.StoreId, new KeyValuePair<string, object?>("customer", response.CustomerNumber)); // leak TC1003 cross-member
        var cohort = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(response.CustomerNumber)))[..2];
        metrics.Record(response.Score, response.StoreId, new KeyValuePair<string, object?>("cohort", cohort)); // leak TC1003 hashes

        if (band == "detractor" && response.MayContact)
        {
            logger.LogWarning("Detractor on order {OrderNumber} asks for a call back on {Phone}", response.OrderNumber, response.CallbackPhone); // leak TC1001 direct
            logger.LogWarning("Detractor comment: {Comment}", response.Comment); // leak TC1001 direct
            logger.LogInformation("Detractor escalated: {Response}", response with { Comment = null, CallbackPhone = null }); // leak TC1001 logging-objects
        }

        var sample = (HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(response.CustomerNumber))[0] & 0x3) == 0;
        activity?.SetTag("survey.qa_sample", sample); // clean hashes
    }
}
