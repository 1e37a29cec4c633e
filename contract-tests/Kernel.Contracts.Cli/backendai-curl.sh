#!/usr/bin/env bash
# Signs and sends one Backend.AI request with curl + openssl (API v4.20181215: the body is not signed).
# source it, then: AK=... SK=... HOST=127.0.0.1:5081 sign POST /v2/kernel/create '{"lang":"python:3.6","clientSessionToken":"demo-1"}'
sign() { local d h k1 k2 s; d=$(date -u +%Y-%m-%dT%H:%M:%S+00:00)
  h() { openssl dgst -sha256 -mac HMAC -macopt "hexkey:$1" | awk '{print $NF}'; }
  k1=$(printf %s "$(date -u +%Y%m%d)" | openssl dgst -sha256 -hmac "$SK" | awk '{print $NF}'); k2=$(printf %s "$HOST" | h "$k1")
  s=$(printf '%s\n%s\n%s\nhost:%s\ncontent-type:application/json\nx-backendai-version:v4.20181215\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' "$1" "$2" "$d" "$HOST" | h "$k2")
  curl -s -X "$1" "http://$HOST$2" -H "Content-Type: application/json" -H "X-BackendAI-Version: v4.20181215" -H "X-BackendAI-Date: $d" -H "Authorization: BackendAI signMethod=HMAC-SHA256, credential=$AK:$s" ${3:+-d "$3"}; echo; }
