using System.Text.Json.Serialization;
using AskVideo.Api.Endpoints;
using AskVideo.Application.Accounts.Me;
using AskVideo.Application.Common.Models;
using AskVideo.Application.Groups.Common;
using AskVideo.Application.Platform.GetFrontendConfig;
using AskVideo.Application.Tags;
using AskVideo.Application.Videos.Common;

namespace AskVideo.Api.Http;

/// <summary>
/// Source-generated JSON metadata for the responses of the hot endpoints (no reflection to build their contracts).
/// It is the first resolver of the API's JSON options (<see cref="DependencyInjection.ConfigureJson"/>), so naming,
/// enum and nullability settings stay those options' and the JSON is the same; other types fall back to reflection.
/// </summary>
[JsonSerializable(typeof(Paged<VideoDto>))]
[JsonSerializable(typeof(VideoDto))]
[JsonSerializable(typeof(MeDto))]
[JsonSerializable(typeof(SystemEndpoints.HealthDto))]
[JsonSerializable(typeof(Paged<GroupSummaryDto>))]
[JsonSerializable(typeof(GroupDto))]
[JsonSerializable(typeof(IReadOnlyList<TagWithCountDto>))]
[JsonSerializable(typeof(AuthEndpoints.SessionDto))]
[JsonSerializable(typeof(AuthEndpoints.AcceptedDto))]
[JsonSerializable(typeof(FrontendConfigDto))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
