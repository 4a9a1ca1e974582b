#!/usr/bin/env bash
# Provides etcd, kube-apiserver, kube-controller-manager and kubectl for the end-to-end tests,
# in the layout Fabric8's kube-api-test reads: <dir>/k8s/<version>-linux-amd64/<program>.
#
# Where each program comes from, first match wins:
#   1. already in the target directory (a cache from an earlier run: starts in seconds);
#   2. a directory named by E2E_BINARIES_FROM holding some or all of the programs (for
#      example the official release binaries, for a user with internet access);
#   3. kubectl on the PATH, when within one minor version of the API server;
#   4. built from source through the Go module proxy, with a small wrapper module (the
#      k8s.io/kubernetes module cannot be built on its own: its go.mod points the staging
#      modules at local paths, so the wrapper points them at their published versions).
#
# Environment:
#   KUBE_API_TEST_DIR    target root, default ~/.kubeapitest (the same default as kube-api-test)
#   E2E_K8S_VERSION      Kubernetes version, default 1.34.4
#   E2E_ETCD_VERSION     etcd version, default 3.6.5
#   E2E_BINARIES_FROM    optional directory with prebuilt programs to copy
# Prints the directory holding the programs on its last line.
set -euo pipefail

k8s_version="${E2E_K8S_VERSION:-1.34.4}"
etcd_version="${E2E_ETCD_VERSION:-3.6.5}"
root="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}"
target="$root/k8s/${k8s_version}-linux-amd64"
programs=(etcd kube-apiserver kube-controller-manager kubectl)

log() { echo "provide-binaries: $*" >&2; }

have_all() {
  local p
  for p in "${programs[@]}"; do [[ -x "$target/$p" ]] || return 1; done
}

copy_from_given_directory() {
  [[ -n "${E2E_BINARIES_FROM:-}" ]] || return 0
  [[ -d "$E2E_BINARIES_FROM" ]] || { log "E2E_BINARIES_FROM=$E2E_BINARIES_FROM is not a directory"; exit 2; }
  local p
  for p in "${programs[@]}"; do
    if [[ ! -x "$target/$p" && -x "$E2E_BINARIES_FROM/$p" ]]; then
      log "copying $p from $E2E_BINARIES_FROM"
      cp "$E2E_BINARIES_FROM/$p" "$target/$p"
    fi
  done
}

# kubectl supports an API server one minor version older or newer than itself, no further.
kubectl_within_skew() {
  local minor wanted
  minor="$("$1" version --client -o json 2>/dev/null \
    | sed -n 's/.*"minor": "\([0-9]*\).*/\1/p' | head -1)"
  wanted="$(echo "$k8s_version" | cut -d. -f2)"
  [[ -n "$minor" ]] && (( minor >= wanted - 1 && minor <= wanted + 1 ))
}

link_kubectl_from_path() {
  [[ -x "$target/kubectl" ]] && return 0
  command -v kubectl >/dev/null 2>&1 || return 0
  if kubectl_within_skew "$(command -v kubectl)"; then
    log "using kubectl from $(command -v kubectl)"
    cp "$(command -v kubectl)" "$target/kubectl"
  else
    log "kubectl on the PATH is too far from v$k8s_version; building one"
  fi
}

# A cached program is kept only when it is the version asked for (etcd's path names none).
drop_other_versions() {
  if [[ -x "$target/etcd" ]] \
      && ! "$target/etcd" --version 2>/dev/null | grep -qx "etcd Version: $etcd_version"; then
    log "the cached etcd is not v$etcd_version; replacing it"
    rm -f "$target/etcd"
  fi
  if [[ -x "$target/kubectl" ]] && ! kubectl_within_skew "$target/kubectl"; then
    log "the cached kubectl is too far from v$k8s_version; replacing it"
    rm -f "$target/kubectl"
  fi
}

# Builds the Kubernetes programs in a throwaway wrapper module. Staging modules of release
# v1.X.Y are published as v0.X.Y.
build_kubernetes() {
  local missing=()
  local p
  for p in kube-apiserver kube-controller-manager kubectl; do
    [[ -x "$target/$p" ]] || missing+=("$p")
  done
  [[ ${#missing[@]} -gt 0 ]] || return 0
  log "building ${missing[*]} v$k8s_version from the Go module proxy (takes several minutes)"
  local work
  work="$(mktemp -d)"
  (
    cd "$work"
    go mod init e2e.local/kubernetes-wrapper >/dev/null 2>&1
    go mod edit -require="k8s.io/kubernetes@v$k8s_version"
    local staging
    staging="$(go mod download -json "k8s.io/kubernetes@v$k8s_version" \
      | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
    grep -E '^\s+k8s\.io/[a-z0-9-]+ => \./staging/' "$staging" | awk '{print $1}' \
      | while read -r module; do
          go mod edit -replace="$module=$module@v0.${k8s_version#1.}"
        done
    local main_pkgs=()
    for p in "${missing[@]}"; do
      case "$p" in
        kubectl) main_pkgs+=("k8s.io/kubernetes/cmd/kubectl") ;;
        *) main_pkgs+=("k8s.io/kubernetes/cmd/$p") ;;
      esac
    done
    printf 'package tools\n\nimport (\n' > tools.go
    for pkg in "${main_pkgs[@]}"; do printf '\t_ "%s"\n' "$pkg" >> tools.go; done
    printf ')\n' >> tools.go
    sed -i '1s/^/\/\/go:build tools\n\n/' tools.go
    # tidy, not `go get`: a package path without a version would move to the latest release.
    go mod tidy >/dev/null
    # The release scripts stamp the version; without it the programs report v0.0.0-master.
    local stamp="" var
    for var in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
      stamp+=" -X $var.gitVersion=v$k8s_version -X $var.gitMajor=${k8s_version%%.*}"
      stamp+=" -X $var.gitMinor=$(echo "$k8s_version" | cut -d. -f2) -X $var.gitTreeState=clean"
    done
    for pkg in "${main_pkgs[@]}"; do
      log "go build $pkg"
      CGO_ENABLED=0 go build -trimpath -ldflags="-s -w$stamp" -o "$target/$(basename "$pkg")" "$pkg"
    done
  )
  rm -rf "$work"
}

# etcd's server module also points its sibling modules at local paths; same remedy.
build_etcd() {
  [[ -x "$target/etcd" ]] && return 0
  log "building etcd v$etcd_version from the Go module proxy"
  local work
  work="$(mktemp -d)"
  (
    cd "$work"
    go mod init e2e.local/etcd-wrapper >/dev/null 2>&1
    go mod edit -require="go.etcd.io/etcd/server/v3@v$etcd_version"
    local mod
    for mod in api/v3 client/pkg/v3 client/v3 pkg/v3; do
      go mod edit -replace="go.etcd.io/etcd/$mod=go.etcd.io/etcd/$mod@v$etcd_version"
    done
    printf '//go:build tools\n\npackage tools\n\nimport _ "go.etcd.io/etcd/server/v3"\n' > tools.go
    go get "go.etcd.io/etcd/server/v3@v$etcd_version" >/dev/null
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$target/etcd" go.etcd.io/etcd/server/v3
  )
  rm -rf "$work"
}

mkdir -p "$target"
drop_other_versions
if ! have_all; then
  copy_from_given_directory
  link_kubectl_from_path
  build_etcd
  build_kubernetes
fi
have_all || { log "missing programs in $target"; exit 1; }
echo "$target"
