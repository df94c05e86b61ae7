using AskVideo.Application.Common.Interfaces;
using AskVideo.Application.Common.Jobs;

namespace AskVideo.Application.Videos.Processing;

/// <summary>
/// Runs the processing pipeline of one video (probe, transcript, scenes, index, thumbnail). Enqueued in the same
/// transaction as the upload or reprocess that needs it. Workers without a handler for it leave it queued
/// (see JobConsumer), so it is picked up as soon as a worker that has the pipeline runs.
/// </summary>
[JobName("ProcessVideo")]
public sealed record ProcessVideoJob(Guid VideoId) : IBackgroundJob;
